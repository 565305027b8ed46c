package newsdesk.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import newsdesk.LogCapture;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A condition is said once when it starts, reminded of, probed with backoff, and said once when it is over. */
class ServiceStateTest {

    private final DefaultCamelContext context = new DefaultCamelContext();
    private final LogCapture logs = new LogCapture();
    private ServiceState state;

    @BeforeEach
    void start() {
        context.start();
        // Probes from 50 ms, over once 500 ms without it, a reminder every 300 ms.
        state = new ServiceState(context, Clock.systemUTC(), 50, 300);
        state.start();
    }

    @AfterEach
    void stop() {
        state.stop();
        context.stop();
        logs.close();
    }

    @Test
    void aConditionIsSaidOnceHeldBackArticlesAreCountedAndItEndsWhenItsProbePasses() throws Exception {
        AtomicBoolean over = new AtomicBoolean();
        AtomicInteger probes = new AtomicInteger();
        assertThat(state.enter(Condition.STORAGE_UNWRITABLE, "The outbox takes no writes.", "Free space.", () -> {
            probes.incrementAndGet();
            return over.get();
        }, 200)).isTrue();
        assertThat(state.enter(Condition.STORAGE_UNWRITABLE, "The outbox takes no writes (again).", "Free space.", over::get, 200))
                .isFalse();

        assertThatThrownBy(state::checkNotPaused).isInstanceOf(WorkPausedException.class)
                .hasMessageContaining("The outbox takes no writes (again).");
        assertThat(state.holds()).singleElement().satisfies(hold -> {
            assertThat(hold.condition()).isEqualTo(Condition.STORAGE_UNWRITABLE);
            assertThat(hold.reason()).isEqualTo("The outbox takes no writes (again).");
        });
        Thread.sleep(1000);
        // 50, 100, 200, 200, 200 ms: backoff up to the condition's most, not one probe per millisecond.
        assertThat(probes.get()).isBetween(3, 8);
        assertThat(logs.messages(Level.ERROR, "newsdesk.state")).singleElement().asString()
                .startsWith("The outbox takes no writes.").contains("Free space.").endsWith("[storage-unwritable]");
        assertThat(logs.messages(Level.WARN, "newsdesk.state")).isNotEmpty()
                .allMatch(line -> line.startsWith("Still paused since"));

        over.set(true);
        await().atMost(Duration.ofSeconds(2)).until(() -> state.holds().isEmpty());
        state.checkNotPaused();
        await().atMost(Duration.ofSeconds(2)).until(() -> !logs.messages(Level.INFO, "newsdesk.state").isEmpty());
        assertThat(logs.messages(Level.INFO, "newsdesk.state")).singleElement().asString().startsWith("Over after")
                .contains("1 article(s) waited meanwhile").contains("takes new articles again");
        assertThat(logs.messages(Level.ERROR, "newsdesk.state")).hasSize(1);
    }

    @Test
    void aConditionBackSoonAfterItsProbePassedGoesOnWithoutANewError() throws Exception {
        state.enter(Condition.DEEPL_UNREACHABLE, "DeepL does not answer.", "Wait.", () -> true, 1000);
        await().atMost(Duration.ofSeconds(2)).until(() -> state.holds().isEmpty());

        assertThat(state.enter(Condition.DEEPL_UNREACHABLE, "DeepL does not answer.", "Wait.", () -> false, 1000)).isFalse();
        assertThat(state.holds(Condition.DEEPL_UNREACHABLE)).isTrue();
        Thread.sleep(700);
        assertThat(logs.messages(Level.ERROR, "newsdesk.state")).hasSize(1);
        assertThat(logs.messages(Level.INFO, "newsdesk.state")).isEmpty();

        state.leave(Condition.DEEPL_UNREACHABLE);
        await().atMost(Duration.ofSeconds(2)).until(() -> !logs.messages(Level.INFO, "newsdesk.state").isEmpty());
        assertThat(logs.messages(Level.INFO, "newsdesk.state")).singleElement().asString().startsWith("Over after");
    }

    @Test
    void workGoesOnOnlyOnceEveryConditionIsOver() throws Exception {
        state.enter(Condition.DEEPL_REFUSES, "Quota used up.", "Wait.", null, 1000);
        state.enter(Condition.STORAGE_UNWRITABLE, "Disk full.", "Free space.", null, 1000);
        state.leave(Condition.DEEPL_REFUSES);
        assertThatThrownBy(state::checkNotPaused).hasMessageContaining("Disk full.").hasMessageNotContaining("Quota");
        state.leave(Condition.STORAGE_UNWRITABLE);
        state.checkNotPaused();
        assertThat(state.problem()).isNull();
    }
}
