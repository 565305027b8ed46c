package newsdesk.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbox files whose names are not valid UTF-8. Java shows such a name with U+FFFD in place of the
 * bytes it cannot decode, and that name leads to no file, so Camel can neither read nor move it.
 * Once quiet, such a file goes to error/ under a name made safe (each run of undecodable bytes as
 * {@code _}, plus {@code ~} and its inode number so two such names stay apart), with its error report,
 * and one ERROR line says so.
 */
public class UndecodableNames {

    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.articles");
    private static final String REASON = "The file name is not valid UTF-8 (the bytes that are not are shown as \uFFFD), "
            + "so Newsdesk cannot name a result after it. Rename it in UTF-8 and drop it again.";

    /** What is done for each rejected file: count it. */
    public interface Rejections {
        void rejected();
    }

    private final Path inbox;
    private final Path error;
    private final InboxNames names;
    private final QuietPeriod quiet;
    private final RejectionReport report;
    private final Rejections rejections;
    /** Files that could not be moved: said once, not at every poll. */
    private final Set<Path> failed = new HashSet<>();

    public UndecodableNames(Path inbox, Path error, InboxNames names, QuietPeriod quiet, RejectionReport report,
                            Rejections rejections) {
        this.inbox = inbox;
        this.error = error;
        this.names = names;
        this.quiet = quiet;
        this.report = report;
        this.rejections = rejections;
    }

    /**
     * Moves every quiet inbox file of a supported type whose name is not valid UTF-8 to error/. Not
     * under a locale without UTF-8: there valid names with umlauts cannot be decoded either, and the
     * service has said so at start (Service).
     */
    public void moveToError() {
        if (!"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding", "UTF-8"))) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox)) {
            for (Path entry : entries) {
                String shown = entry.getFileName().toString();
                boolean undecodable = !Path.of(entry.toString()).equals(entry);
                if (undecodable && !shown.startsWith(".") && SupportedFormats.isSupported(shown) && quiet.isQuiet(entry)) {
                    move(entry, shown);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not look through the inbox for names that are not UTF-8: {}", e.toString());
        }
    }

    private void move(Path entry, String shown) {
        try {
            String archived = names.archived(safeName(entry, shown));
            Files.move(entry, error.resolve(archived));
            String reportName = names.report(archived);
            Path writing = error.resolve(InboxNames.TEMP_PREFIX + reportName);
            Files.writeString(writing, report.toJson(new UnprocessableArticleException(REASON), shown));
            Files.move(writing, error.resolve(reportName));
            LOG.error("Rejected {}: {} Moved to error/ as {}.", shown, REASON, archived);
            rejections.rejected();
        } catch (Exception e) {
            if (failed.add(entry)) {
                LOG.error("Could not move {} (a name that is not valid UTF-8) to error/: {}", shown, e.toString());
            }
        }
    }

    private static String safeName(Path entry, String shown) throws IOException {
        Object inode = Files.getAttribute(entry, "unix:ino", LinkOption.NOFOLLOW_LINKS);
        String safe = shown.replaceAll("\uFFFD+", "_");
        int dot = safe.lastIndexOf('.');
        return safe.substring(0, dot) + "~" + inode + safe.substring(dot);
    }
}
