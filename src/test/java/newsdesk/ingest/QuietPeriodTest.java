package newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quiet period is measured from when a file last changed, on the kernel's clock, never from the time a file claims. */
class QuietPeriodTest {

    @TempDir
    Path inbox;

    /** A clock the test moves on; it starts at the real time, which the kernel's change times follow. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.systemDefault();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final TestClock clock = new TestClock();
    private final QuietPeriod quiet = new QuietPeriod(1000, clock);

    /**
     * A file dated a day ahead was waited on until it was no longer "in the future" (issue 10): the time
     * a file claims ahead says nothing about when it was written, so its change time counts.
     */
    @Test
    void aFileDatedAheadIsReadyOnceQuiet() throws Exception {
        Path file = Files.writeString(inbox.resolve("datiert.txt"), "Text");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(24 * 3600)));
        assertThat(quiet.isQuiet(file)).isFalse();
        clock.advance(Duration.ofMillis(1100));
        assertThat(quiet.isQuiet(file)).isTrue();
    }

    /**
     * A time set back is set once the file is written (cp -p, rsync -t, unzip): the file is ready at
     * once, like one renamed in whole (issue 14).
     */
    @Test
    void aFileDatedBackIsReadyAtOnce() throws Exception {
        Path file = Files.writeString(inbox.resolve("kopie.txt"), "Text");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(365 * 24 * 3600)));
        assertThat(quiet.isQuiet(file)).isTrue();
    }

    /**
     * On the real clock: a file written a while before it is renamed into the inbox is ready at once
     * (the rename moves its change time, not its content; it used to wait out a whole quiet period,
     * issue 14); one renamed in right after it was written waits out the period from its last write.
     */
    @Test
    void aFileRenamedInIsQuietSinceItWasWritten() throws Exception {
        QuietPeriod realTime = new QuietPeriod(300, Clock.systemUTC());
        Path staging = Files.createDirectories(inbox.resolve("staging"));
        Path early = Files.writeString(staging.resolve("frueh.txt"), "Text");
        Thread.sleep(400);
        long written = System.nanoTime();
        Path fresh = Files.writeString(staging.resolve("frisch.txt"), "Text");
        Path earlyIn = Files.move(early, inbox.resolve("frueh.txt"));
        Path freshIn = Files.move(fresh, inbox.resolve("frisch.txt"));
        assertThat(realTime.isQuiet(earlyIn)).isTrue();
        assertThat(realTime.isQuiet(freshIn)).isFalse();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> realTime.isQuiet(freshIn));
        assertThat(System.nanoTime() - written).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos() - 10_000_000);
    }

    /** On the real clock: a file looked at right after each write is never ready; once the writes stop, it is. */
    @Test
    void aFileBeingWrittenIsNotReadyUntilItsWritesStop() throws Exception {
        QuietPeriod realTime = new QuietPeriod(300, Clock.systemUTC());
        Path file = inbox.resolve("wachsend.txt");
        long lastWrite = 0;
        for (int i = 0; i < 10; i++) {
            Files.writeString(file, "Zeile " + i + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            lastWrite = System.nanoTime();
            assertThat(realTime.isQuiet(file)).as("right after write %d", i).isFalse();
            Thread.sleep(100);
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> realTime.isQuiet(file));
        assertThat(System.nanoTime() - lastWrite).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos() - 10_000_000);
    }

    /** Each file has its own quiet period: a file just written does not hold up one that is ready. */
    @Test
    void filesAreReadyEachOnItsOwn() throws Exception {
        QuietPeriod realTime = new QuietPeriod(300, Clock.systemUTC());
        Path ready = Files.writeString(inbox.resolve("fertig.txt"), "Text");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> realTime.isQuiet(ready));
        Path young = Files.writeString(inbox.resolve("neu.txt"), "Text");
        assertThat(realTime.isQuiet(young)).isFalse();
        assertThat(realTime.isQuiet(ready)).isTrue();
    }

    @Test
    void aFileThatIsGoneIsNotReady() {
        assertThat(quiet.isQuiet(inbox.resolve("weg.txt"))).isFalse();
    }
}
