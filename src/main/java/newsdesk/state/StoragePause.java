package newsdesk.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import newsdesk.desk.Desk;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.LoggingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder Newsdesk writes to that takes no writes: its disk is full, it is read-only, or the service's user may
 * not write there. Never the article's fault, so the error handling hands such failures here instead of
 * retrying or rejecting the file: this enters {@link Condition#STORAGE_UNWRITABLE} with a probe that writes and
 * deletes a small file in each folder that failed, and removes the half-written temporary file the failed write
 * left, so readers of the folder never see it. The article's file stays in the inbox.
 *
 * <p>It also handles the inbox consumers' failures to move an original to its archive or error folder after its
 * work (their onCompletionExceptionHandler), which pause the same way; Camel's own handler logs nothing of them
 * here (its logger is quietened) and the file would be worked on again at every poll. Other such failures are
 * logged as ERROR.
 */
public class StoragePause implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StoragePause.class);
    /** What Camel's file producer writes first; renamed once whole. */
    private static final String TEMP_PREFIX = ".writing-";
    /** Written by the probe: big enough that a disk with a few bytes left does not pass for writable. */
    private static final int PROBE_BYTES = 64 * 1024;
    /** How the disk, the file system or a folder refuses writes; "not a directory": a file stands where the folder should be. */
    private static final List<String> UNWRITABLE = List.of("no space left on device", "disk quota exceeded",
            "read-only file system", "permission denied", "access denied", "operation not permitted", "not a directory");

    private final ServiceState state;
    private final long maxProbeMs;
    private final ExceptionHandler others;
    /** The folders that failed since the condition began; each must take a write before it ends. */
    private final Set<Path> failed = new LinkedHashSet<>();

    public StoragePause(ServiceState state, long maxProbeMs, CamelContext context) {
        this.state = state;
        this.maxProbeMs = maxProbeMs;
        this.others = new LoggingExceptionHandler(context, getClass());
    }

    /** Whether {@code failure}, or one of its causes, says a folder takes no writes (rather than something about the file). */
    public boolean isUnwritable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AccessDeniedException) {
                return true;
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if ((cause instanceof IOException || cause instanceof UncheckedIOException
                    || cause.getClass().getName().startsWith("org.apache.camel.component.file")
                    || cause.getClass().getName().startsWith("org.h2.mvstore"))
                    && UNWRITABLE.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }

    /** An article's write into one of its desk's folders failed ({@link #isUnwritable}): pause, and tidy up after it. */
    public void pause(Exception failure, Exchange exchange) {
        Desk desk = exchange.getProperty("deskSettings", Desk.class);
        List<Path> folders = new ArrayList<>();
        if (desk != null) {
            for (String folder : List.of(desk.outbox(), desk.error(), desk.archive())) {
                folders.add(Path.of(folder));
            }
        }
        String where = mentioned(failure);
        List<Path> affected = folders.stream().filter(folder -> where.contains(folder.toString())
                || where.contains(folder.toAbsolutePath().normalize().toString())).toList();
        removeTemporaryFile(affected, exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class));
        unwritable(affected.isEmpty() ? folders : affected, failure);
    }

    /** An original could not be moved to its archive or error folder: it stays in the inbox, and is worked on again later. */
    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        Desk desk = exchange == null ? null : exchange.getProperty("deskSettings", Desk.class);
        if (desk == null || !isUnwritable(exception)) {
            others.handleException(message, exchange, exception);
            return;
        }
        String done = exchange.getProperty("newsdeskDoneFolder", desk.archive(), String.class);
        unwritable(List.of(Path.of(done)), exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    /** {@code folders} take no writes ({@code failure} says why): Newsdesk takes no work until each takes a write again. */
    public void unwritable(List<Path> folders, Throwable failure) {
        String names;
        synchronized (failed) {
            failed.addAll(folders);
            names = String.join(", ", failed.stream().map(Path::toString).toList());
        }
        if (!state.enter(Condition.STORAGE_UNWRITABLE, "Newsdesk cannot write to " + names + " (" + rootCause(failure) + ").",
                "Free space on its disk, or let the user Newsdesk runs as write there; Newsdesk tries a write again by "
                        + "itself, at growing intervals up to " + maxProbeMs / 1000 + " s.",
                this::writable, maxProbeMs)) {
            state.articleWaits();
        }
        LOG.debug("Storage takes no writes", failure);
    }

    /** The probe: each folder that failed takes a small file, which is deleted again. */
    private boolean writable() throws IOException {
        List<Path> folders;
        synchronized (failed) {
            folders = List.copyOf(failed);
        }
        for (Path folder : folders) {
            Path probe = folder.resolve(".newsdesk-write-check-" + ProcessHandle.current().pid());
            try {
                Files.write(probe, new byte[PROBE_BYTES]);
            } finally {
                Files.deleteIfExists(probe);
            }
        }
        synchronized (failed) {
            failed.removeAll(folders);
            return failed.isEmpty();
        }
    }

    /** The file Camel began under its temporary name and could not finish. */
    private static void removeTemporaryFile(List<Path> folders, String fileName) {
        if (fileName == null) {
            return;
        }
        String name = Path.of(fileName).getFileName().toString();
        for (Path folder : folders) {
            try {
                Files.deleteIfExists(folder.resolve(TEMP_PREFIX + name));
            } catch (IOException e) {
                LOG.debug("Could not remove {}{} from {}: {}", TEMP_PREFIX, name, folder, e.getMessage());
            }
        }
    }

    /** Every message along the causes, where the failing path is named. */
    private static String mentioned(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileSystemException fs && fs.getFile() != null) {
                text.append(Path.of(fs.getFile()).toAbsolutePath().normalize()).append('\n');
            }
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }

    /** The innermost message, which names the cause (No space left on device, Permission denied). */
    public static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (root instanceof AccessDeniedException) {
            return "access denied";
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // FileOutputStream says "<path> (Permission denied)": the path is named already.
        int open = message.lastIndexOf(" (");
        return open > 0 && message.endsWith(")") ? message.substring(open + 2, message.length() - 1) : message;
    }
}
