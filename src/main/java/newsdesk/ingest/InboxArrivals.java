package newsdesk.ingest;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which inbox files are taken, and when ({@code filter: "#inboxArrivals-<desk>"}, one per desk route): a
 * file of a supported type once it has been quiet for the quiet period ({@link QuietPeriod}). Left
 * alone: {@code *.tmp} and {@code *.part} (still being written; hidden names Camel skips itself),
 * and, with one WARN each, files of other types, names with a backslash (Camel would take it for
 * a folder: a way out of the inbox) and symbolic links that lead nowhere. Names that are not valid UTF-8 go to error/ ({@link UndecodableNames}).
 * A file that failed a moment ago waits for its next attempt ({@code ArticleAttempts}).
 *
 * <p>Called by the inbox poller's one thread, for every file it lists; it never waits.
 */
public class InboxArrivals implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.inbox");

    /** A file warned about and not seen for this long (removed, or renamed) is warned about again if it comes back. */
    private static final long FORGET_AFTER_MS = 60_000;

    private final QuietPeriod quiet;
    private final UndecodableNames undecodable;
    private final Predicate<GenericFile<File>> waitsForRetry;
    private final Clock clock;
    /** Files already warned about, with when they were last seen, so each is named once, not at every poll. */
    private final Map<Path, Long> warned = new HashMap<>();

    public InboxArrivals(QuietPeriod quiet, UndecodableNames undecodable, Predicate<GenericFile<File>> waitsForRetry, Clock clock) {
        this.quiet = quiet;
        this.undecodable = undecodable;
        this.waitsForRetry = waitsForRetry;
        this.clock = clock;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory()) {
            return false;
        }
        String name = file.getFileNameOnly();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tmp") || lower.endsWith(".part")) {
            return false;
        }
        Path path = Path.of(file.getAbsoluteFilePath());
        if (name.indexOf('\uFFFD') >= 0 && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            undecodable.moveToError();
            return false;
        }
        if (!SupportedFormats.isSupported(name)) {
            warnOnce(path, "{} stays in the inbox: Newsdesk takes only {} files (each also .gz, in any case). Rename or remove it.", name,
                    SupportedFormats.describe());
            return false;
        }
        if (name.indexOf('\\') >= 0) {
            warnOnce(path, "{} stays in the inbox: a backslash in a name would be read as a folder. Rename it.", name, null);
            return false;
        }
        // Camel cannot move a link that leads nowhere (Java sees no file there), so it would be rejected at every poll.
        if (file.getLastModified() == 0 && Files.isSymbolicLink(path) && !Files.exists(path)) {
            warnOnce(path, "{} stays in the inbox: it is a symbolic link that leads nowhere. Remove it.", name, null);
            return false;
        }
        return quiet.isQuiet(path) && !waitsForRetry.test(file);
    }

    private void warnOnce(Path path, String message, String name, String detail) {
        long now = clock.millis();
        warned.values().removeIf(lastSeen -> now - lastSeen > FORGET_AFTER_MS);
        if (warned.put(path, now) == null) {
            LOG.warn(message, name, detail);
        }
    }
}
