package newsdesk.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The files waiting in the inbox, counted as the inbox route would take them: for the summary line and the status page. */
public final class InboxBacklog {

    /** What the inbox route takes: *.txt, not hidden (the include pattern of pick-up-articles). */
    private static final Pattern INBOX_FILE = Pattern.compile("(?i)[^.\\\\][^\\\\]*\\.txt");

    private InboxBacklog() {
    }

    public static long count(Path inbox) {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(file -> INBOX_FILE.matcher(file.getFileName().toString()).matches()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
