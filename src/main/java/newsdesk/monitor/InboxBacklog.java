package newsdesk.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import newsdesk.ingest.SupportedFormats;

/**
 * The files waiting in the inbox, counted as the inbox route would take them, and those it does not take
 * (types Newsdesk does not read): for the summary line and the status page.
 */
public final class InboxBacklog {

    private InboxBacklog() {
    }

    public static long count(Path inbox) {
        return count(inbox, true);
    }

    /** Files of a type Newsdesk does not take (a .pdf, a .docx): they stay in the inbox until removed. */
    public static long unsupported(Path inbox) {
        return count(inbox, false);
    }

    private static long count(Path inbox, boolean supported) {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && SupportedFormats.isSupported(name) == supported).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
