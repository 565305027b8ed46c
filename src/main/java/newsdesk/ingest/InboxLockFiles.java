package newsdesk.ingest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox election's two files in {@code <data-dir>/cluster/} (Camel's file-lock cluster service: the
 * lock, and the leader's id and heartbeat), made fit for the election before it starts. Empty files say
 * "no leader", as after a clean stop. A leader's data is cleared when no live process holds the lock:
 * its leader is gone, so this node need not wait for the heartbeat to age (after a start that failed), and
 * a heartbeat in the future (which never ages) does not keep a lone node from leading for ever. An empty
 * folder in a file's place is replaced by the file; anything else that is not a file is a problem to report.
 */
public final class InboxLockFiles {

    private static final Logger LOG = LoggerFactory.getLogger(InboxLeader.class);

    private InboxLockFiles() {
    }

    /** Prepares {@code <root>/<name>} and {@code <name>.dat}; why the election cannot work, or null when it can. */
    public static String prepare(Path root, String name) {
        Path lock = root.resolve(name);
        Path data = root.resolve(name + ".dat");
        try {
            Files.createDirectories(root);
            for (Path file : new Path[] {lock, data}) {
                String problem = makeFile(file);
                if (problem != null) {
                    return problem;
                }
            }
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
                FileLock held = channel.tryLock();
                if (held == null) {
                    return null;
                }
                try {
                    if (Files.size(data) > 0) {
                        Files.write(data, new byte[0]);
                        LOG.info("No live node holds the inbox lock {}: the last leader's record is cleared, so a node "
                                + "can lead at once.", lock);
                    }
                } finally {
                    held.release();
                }
            } catch (OverlappingFileLockException heldInThisJvm) {
                // Another node of this process leads (as in tests): its record stays.
            }
            return null;
        } catch (IOException e) {
            return "the inbox lock " + lock + " cannot be used: " + e;
        }
    }

    private static String makeFile(Path file) throws IOException {
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.delete(file);
                LOG.warn("The inbox lock file {} was an empty folder: replaced by a file.", file);
            } catch (DirectoryNotEmptyException e) {
                return "the inbox lock " + file + " is a folder with files in it, not a file: no node can lead the inbox "
                        + "until it is removed";
            }
        }
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException alreadyThere) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return "the inbox lock " + file + " is not a regular file: no node can lead the inbox until it is removed";
            }
        }
        return null;
    }
}
