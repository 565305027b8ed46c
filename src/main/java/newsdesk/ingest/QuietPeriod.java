package newsdesk.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Tells whether an inbox file has stopped changing: its size, modification time, change time and
 * inode have stayed the same for the quiet period. That is measured on the kernel's clock: the
 * quiet period runs from the file's last write, which is its modification time as long as that is
 * not after its change time (ctime, which the kernel sets on every write, rename and time change and
 * nothing else can set; a time set ahead by touch -d, cp -p, rsync -t, unzip or another host's clock
 * lies after it, and then the change time counts) or, when that lies in the future, from the moment
 * this poller first saw it as it is now. So a file renamed in whole is ready at once, and a file being
 * written is not (each write moves its modification time to now). A file that is not ready yet is passed over for this poll
 * only: no poll ever waits for a file, so one file still being written holds up no other.
 *
 * <p>Called by the inbox poller's one thread.
 */
public class QuietPeriod {

    private static final String ATTRIBUTES = "unix:size,lastModifiedTime,ctime,ino";
    /** Files not seen for this long are forgotten; a file still there is simply looked at anew. */
    private static final long FORGET_AFTER_MS = 60_000;

    private record Look(List<Object> state, long quietSinceMs, long lastSeenMs) {
    }

    private final long quietMs;
    private final Clock clock;
    private final Map<Path, Look> looks = new HashMap<>();
    private long lastTidyMs;

    public QuietPeriod(long quietMs, Clock clock) {
        this.quietMs = quietMs;
        this.clock = clock;
        this.lastTidyMs = clock.millis();
    }

    /** Whether the file has been unchanged for the quiet period; false for a file that is gone. */
    public boolean isQuiet(Path file) {
        long now = clock.millis();
        tidy(now);
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(file, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException gone) {
            looks.remove(file);
            return false;
        }
        List<Object> state = List.of(attributes.get("size"), attributes.get("lastModifiedTime"), attributes.get("ino"),
                attributes.get("ctime"));
        Look previous = looks.get(file);
        long quietSince;
        if (previous != null && previous.state().equals(state)) {
            quietSince = previous.quietSinceMs();
        } else {
            long changedMs = Math.min(lastContentChangeMs(attributes), now);
            // Seen to change since the last look: quiet at the earliest since then, whatever the ctime says.
            quietSince = previous == null ? changedMs : Math.max(changedMs, previous.lastSeenMs());
        }
        looks.put(file, new Look(state, quietSince, now));
        return now - quietSince >= quietMs;
    }

    /**
     * When the file's content last changed, as far as the kernel tells: a write sets the modification
     * time and the change time to the same moment, and a rename, link or change of owner or mode later
     * moves only the change time. So a file written earlier and renamed in (the careful writer, or a
     * backlog moved in at once) counts as quiet since it was written, not since the rename, which made
     * every moved-in file wait out a whole quiet period for nothing. A modification time after the
     * change time was set ahead by a tool and says nothing: then the change time counts. A time set
     * back (cp -p, rsync -t, tar, unzip, scp -p, curl -R) is set once the file is written; only a
     * time set back on a file someone is still writing, while its writer pauses, would be trusted wrongly.
     */
    private static long lastContentChangeMs(Map<String, Object> attributes) {
        return Math.min(((FileTime) attributes.get("lastModifiedTime")).toMillis(),
                ((FileTime) attributes.get("ctime")).toMillis());
    }

    private void tidy(long now) {
        if (now - lastTidyMs < FORGET_AFTER_MS) {
            return;
        }
        lastTidyMs = now;
        for (Iterator<Look> it = looks.values().iterator(); it.hasNext(); ) {
            if (now - it.next().lastSeenMs() > FORGET_AFTER_MS) {
                it.remove();
            }
        }
    }
}
