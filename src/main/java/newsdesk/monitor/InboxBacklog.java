package newsdesk.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import newsdesk.ingest.SupportedFormats;

/** The files waiting in the inbox, counted as the inbox route would take them: for the summary line and the status page. */
public final class InboxBacklog {

    private InboxBacklog() {
    }

    public static long count(Path inbox) {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && SupportedFormats.isSupported(name)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
