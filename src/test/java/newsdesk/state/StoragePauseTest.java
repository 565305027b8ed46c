package newsdesk.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import newsdesk.desk.Desk;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which write failures mean a folder takes no writes, and what the state does about them: names the folder, tidies up, probes. */
class StoragePauseTest {

    private final DefaultCamelContext context = new DefaultCamelContext();
    private ServiceState state;
    private StoragePause storage;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        context.start();
        state = new ServiceState(context, Clock.systemUTC(), 50, 0);
        state.start();
        storage = new StoragePause(state, 200, context);
    }

    @AfterEach
    void stop() {
        state.stop();
        context.stop();
    }

    @Test
    void aFullDiskAReadOnlyDiskAndNoPermissionAreTheFoldersFaultOtherFailuresAreNot() {
        assertThat(storage.isUnwritable(new GenericFileOperationFailedException("Cannot store file: /d/outbox/.writing-a.json",
                new IOException("No space left on device")))).isTrue();
        assertThat(storage.isUnwritable(new GenericFileOperationFailedException("Cannot write",
                new FileNotFoundException("/d/outbox/.writing-a.json (Permission denied)")))).isTrue();
        assertThat(storage.isUnwritable(new AccessDeniedException("/d/outbox/a.json"))).isTrue();
        assertThat(storage.isUnwritable(new IOException("Read-only file system"))).isTrue();

        assertThat(storage.isUnwritable(new GenericFileOperationFailedException("Cannot store file",
                new NoSuchFileException("/d/outbox/a.json")))).isFalse();
        assertThat(storage.isUnwritable(new IllegalStateException("No space left on device"))).isFalse();
        assertThat(storage.isUnwritable(new IOException("Connection reset"))).isFalse();
    }

    @Test
    void theFailedFolderIsNamedItsHalfWrittenFileRemovedAndTheStateEndsOnceItTakesAWrite() throws Exception {
        Path outbox = Files.createDirectories(dir.resolve("outbox"));
        Path stray = Files.writeString(outbox.resolve(".writing-a.json"), "{\"half");
        Path other = Files.writeString(outbox.resolve("b.json"), "{}");
        Desk desk = new Desk(dir.resolve("desk.camel.yaml"), "main", Map.of("outbox", outbox.toString(),
                "archive", dir.resolve("archive").toString(), "error", dir.resolve("error").toString()));
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty("deskSettings", desk);
        exchange.getMessage().setHeader(Exchange.FILE_NAME, "a.json");
        Path gone = dir.resolve("gone");

        // A folder that is not there cannot take the probe's file: the state holds until it can.
        storage.unwritable(List.of(gone), new IOException("No space left on device"));
        storage.pause(new GenericFileOperationFailedException("Cannot store file: " + stray,
                new IOException("No space left on device")), exchange);

        assertThat(state.holds()).singleElement().satisfies(hold -> {
            assertThat(hold.condition()).isEqualTo(Condition.STORAGE_UNWRITABLE);
            assertThat(hold.reason()).contains(gone.toString()).contains(outbox.toString()).contains("No space left on device")
                    .doesNotContain(dir.resolve("archive").toString());
        });
        assertThat(stray).doesNotExist();
        assertThat(other).exists();
        Thread.sleep(500);
        assertThat(state.holds(Condition.STORAGE_UNWRITABLE)).isTrue();

        Files.createDirectories(gone);
        await().atMost(Duration.ofSeconds(5)).until(() -> !state.holds(Condition.STORAGE_UNWRITABLE));
        assertThat(Files.list(gone)).as("the probe's file is deleted again").isEmpty();
        assertThat(Files.list(outbox)).containsExactly(other);
    }
}
