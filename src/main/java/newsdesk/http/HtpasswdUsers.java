package newsdesk.http;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newsdesk.translate.MissingSettingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of newsdesk.http.users-file: an htpasswd file of bcrypt entries ({@code name:$2y$...}, as
 * {@code htpasswd -B} writes them and nginx and Apache read them). Read again when it changes, so a user is added
 * or removed without a restart; a broken edit keeps the users read before (one WARN).
 */
public final class HtpasswdUsers {

    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.http");
    /** Checked against when the name is unknown, so an unknown name costs as long as a wrong password. */
    private static final String NO_USER = "$2y$05$7oY1Gov7QVc0y3fysPNgSeMg42EYquWp4e7tXpGxGDVXqjN/fMXaS";

    private final Path file;
    private FileTime readAt;
    private Map<String, String> hashes;

    private HtpasswdUsers(Path file, FileTime readAt, Map<String, String> hashes) {
        this.file = file;
        this.readAt = readAt;
        this.hashes = hashes;
    }

    /** The file's users; fails with one line (naming the line, never a hash) when it cannot be used. */
    public static HtpasswdUsers read(Path file) throws MissingSettingException {
        try {
            return new HtpasswdUsers(file, Files.getLastModifiedTime(file), parse(file));
        } catch (IOException e) {
            throw new MissingSettingException("NEWSDESK_HTTP_USERS_FILE (newsdesk.http.users-file) is " + file
                    + ", which cannot be read (" + e.getClass().getSimpleName() + "): create it with htpasswd -B -c " + file + " <user>.");
        }
    }

    private static Map<String, String> parse(Path file) throws IOException, MissingSettingException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, String> hashes = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String hash = colon < 1 ? "" : line.substring(colon + 1);
            if (!hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
                throw new MissingSettingException("NEWSDESK_HTTP_USERS_FILE (newsdesk.http.users-file): line " + (i + 1) + " of " + file
                        + " is not a user with a bcrypt password (name:$2y$...): write it with htpasswd -B.");
            }
            hashes.put(line.substring(0, colon), hash);
        }
        if (hashes.isEmpty()) {
            throw new MissingSettingException("NEWSDESK_HTTP_USERS_FILE (newsdesk.http.users-file): " + file
                    + " names no user: add one with htpasswd -B " + file + " <user>.");
        }
        return hashes;
    }

    /** Whether {@code password} is {@code user}'s. Takes as long as bcrypt takes (milliseconds to tenths of a second). */
    public boolean verify(String user, String password) {
        String hash = current().get(user);
        boolean known = hash != null;
        boolean matches = BCrypt.verifyer().verify(password.toCharArray(), known ? hash : NO_USER).verified;
        return known && matches;
    }

    private synchronized Map<String, String> current() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(readAt)) {
                readAt = modified;
                hashes = parse(file);
                LOG.info("Read the users of {} again: {} user(s).", file, hashes.size());
            }
        } catch (IOException | MissingSettingException e) {
            LOG.warn("The users file {} changed but cannot be used ({}); the users read before still sign in.", file, e.getMessage());
        }
        return hashes;
    }
}
