package newsdesk.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsdesk.desk.Desk;
import newsdesk.ingest.ArticleReader;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/desks/<desk>/articles}: an article sent over HTTP becomes a file in the desk's inbox, written
 * under a hidden name and renamed, so it takes the road every dropped file takes (exactly once, the translation
 * cache, the budget, the limits). Its id is the one the file gets there: the SHA-256 of its bytes as sent.
 */
public class ArticleIntake {

    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.intake");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The media types Newsdesk reads, and the file extension that makes the inbox read each so (docs/formats.md). */
    static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("text/plain", ".txt"),
            Map.entry("text/html", ".html"),
            Map.entry("application/xhtml+xml", ".html"),
            Map.entry("text/markdown", ".md"),
            Map.entry("application/json", ".json"),
            Map.entry("application/ninjs+json", ".json"),
            Map.entry("application/xml", ".xml"),
            Map.entry("text/xml", ".xml"),
            Map.entry("application/nitf+xml", ".xml"),
            Map.entry("application/vnd.iptc.g2.newsitem+xml", ".xml"),
            Map.entry("application/vnd.iptc.g2.newsmessage+xml", ".xml"));
    /** How long a client is told to wait while Newsdesk is paused: about as often as a paused condition is probed. */
    static final int RETRY_AFTER_SECONDS = 30;
    private static final int MAX_NAME_CHARS = 100;
    private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_IN_NAMES = Pattern.compile("[^\\p{L}\\p{N}._ -]");

    private final Supplier<Map<String, Desk>> desks;
    private final Supplier<String> pausedReason;
    private final long maxBytes;
    private final ArticleProgress progress;

    /** {@code pausedReason}: why Newsdesk takes no articles now (a paused condition), or null. */
    public ArticleIntake(Supplier<Map<String, Desk>> desks, Supplier<String> pausedReason, long maxBytes, ArticleProgress progress) {
        this.desks = desks;
        this.pausedReason = pausedReason;
        this.maxBytes = maxBytes;
        this.progress = progress;
    }

    /**
     * Answers the request: 202 with the id, or why not (403, 404, 415, 413, 503). None of the request's headers go back;
     * the answer's own (Location, Retry-After) are set here.
     */
    public String accept(@Header("desk") String deskName, @Header("name") String name,
                         @Header(Exchange.CONTENT_TYPE) String contentType, @Header("Content-Encoding") String encoding,
                         @Header("Content-Disposition") String disposition, @Header("Origin") String origin,
                         @Header("Host") String host, byte[] body, @Headers Map<String, Object> headers) throws IOException {
        headers.clear();
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        if (origin != null && !sameOrigin(origin, host)) {
            return refuse(headers, 403, "Articles are not taken from another site's page (Origin " + origin + ").");
        }
        Desk desk = deskName == null ? null : desks.get().get(deskName);
        if (desk == null) {
            return refuse(headers, 404, "There is no desk named '" + deskName + "'; running desks: " + String.join(", ", desks.get().keySet()) + ".");
        }
        String extension = contentType == null ? null : EXTENSIONS.get(mediaType(contentType));
        if (extension == null) {
            return refuse(headers, 415, "Newsdesk reads " + String.join(", ", EXTENSIONS.keySet().stream().sorted().toList())
                    + "; not " + (contentType == null ? "a body without Content-Type" : mediaType(contentType)) + ".");
        }
        boolean gzip = encoding != null && encoding.strip().equalsIgnoreCase("gzip");
        if (!gzip && encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            return refuse(headers, 415, "Content-Encoding may be gzip, not " + encoding.strip() + ".");
        }
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > maxBytes) {
            return refuse(headers, 413, "The article has " + bytes.length + " bytes, more than the limit of " + maxBytes
                    + " (newsdesk.inbox.max-bytes).");
        }
        String paused = pausedReason.get();
        if (paused != null) {
            headers.put("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            return refuse(headers, 503, "Newsdesk takes no new articles now: " + paused);
        }
        String id = ArticleReader.sha256(bytes);
        Path file;
        try {
            file = write(desk.inbox(), fileName(name, disposition, id, extension + (gzip ? ".gz" : "")), id, bytes);
        } catch (IOException e) {
            LOG.warn("An article for desk {} could not be written into its inbox {}: {}", desk.name(), desk.inbox(), e.toString());
            headers.put("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            return refuse(headers, 503, "The article could not be written into the desk's inbox; try again later.");
        }
        String fileName = file.getFileName().toString();
        progress.queued(id, desk.name(), fileName);
        headers.put(Exchange.HTTP_RESPONSE_CODE, 202);
        headers.put("Location", "/api/articles/" + id);
        ObjectNode answer = JSON.createObjectNode().put("id", id).put("desk", desk.name()).put("file", fileName).put("status", "queued");
        return JSON.writeValueAsString(answer);
    }

    /**
     * Into the inbox under a hidden name, renamed once whole. The same bytes under the same name are there already:
     * nothing is written (the article is queued once). Other bytes under that name: the id's start joins the name.
     */
    private static Path write(Path inbox, String name, String id, byte[] bytes) throws IOException {
        Files.createDirectories(inbox);
        Path target = inbox.resolve(name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !sameBytes(target, bytes)) {
            int dot = name.indexOf('.');
            target = inbox.resolve(name.substring(0, dot) + "-" + id.substring(0, 12) + name.substring(dot));
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && sameBytes(target, bytes)) {
            return target;
        }
        Path temporary = inbox.resolve(".intake-" + UUID.randomUUID() + ".part");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    private static boolean sameBytes(Path file, byte[] bytes) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == bytes.length
                && Arrays.equals(Files.readAllBytes(file), bytes);
    }

    /**
     * ?name=, else the Content-Disposition filename, else the id's start; only its last part, with letters, digits and
     * {@code ._ -} kept, no leading dot (a hidden file would never be read), and the extension the Content-Type says.
     */
    static String fileName(String name, String disposition, String id, String extension) {
        String given = name;
        if ((given == null || given.isBlank()) && disposition != null) {
            Matcher filename = FILENAME.matcher(disposition);
            if (filename.find()) {
                given = filename.group(1) != null ? filename.group(1) : filename.group(2);
            }
        }
        String stem = given == null ? "" : given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
        stem = NOT_IN_NAMES.matcher(stem).replaceAll("_").replaceFirst("^[. ]+", "").strip();
        String lower = stem.toLowerCase(Locale.ROOT);
        for (String known : new String[] {".gz", extension.replace(".gz", "")}) {
            if (lower.endsWith(known)) {
                stem = stem.substring(0, stem.length() - known.length());
                lower = stem.toLowerCase(Locale.ROOT);
            }
        }
        // The id's start, not a dot, joins a second article of the same name (see write), so the stem holds none.
        stem = stem.replace('.', '_');
        if (stem.isBlank()) {
            stem = id.substring(0, 16);
        }
        return (stem.length() > MAX_NAME_CHARS ? stem.substring(0, MAX_NAME_CHARS) : stem) + extension;
    }

    /**
     * A browser names the page a request comes from; a CMS or curl sends no Origin. A page of another site must not
     * post articles (a form can, even with the credentials the browser keeps for this one), so only this site's own.
     */
    static boolean sameOrigin(String origin, String host) {
        try {
            String authority = URI.create(origin).getAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String refuse(Map<String, Object> headers, int status, String reason) throws IOException {
        headers.put(Exchange.HTTP_RESPONSE_CODE, status);
        return JSON.writeValueAsString(JSON.createObjectNode().put("error", reason));
    }
}
