package newsdesk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import newsdesk.translate.MissingSettingException;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A role, work queue, delivery target or value of the wrong kind stops start-up with a line naming the setting. */
class SettingsCheckTest {

    @TempDir
    Path dataDir;

    @Test
    void anUnknownRoleStopsStartUp() {
        assertThatThrownBy(() -> start("newsdesk.role", "wroker"))
                .hasRootCauseInstanceOf(MissingSettingException.class)
                .rootCause().hasMessage("NEWSDESK_ROLE is 'wroker': set it to one of [all, ingest, worker].");
    }

    @Test
    void anUnknownWorkQueueStopsStartUp() {
        assertThatThrownBy(() -> start("newsdesk.work-queue", "rabbit"))
                .rootCause().hasMessage("NEWSDESK_WORK_QUEUE is 'rabbit': set it to one of [jms, kafka].");
    }

    @Test
    void aDeliveryTargetWithoutARouteStopsStartUp() {
        assertThatThrownBy(() -> start("newsdesk.deliver.targets", "file, kafak"))
                .rootCause().isInstanceOf(MissingSettingException.class)
                .hasMessage("NEWSDESK_DELIVER_TARGETS names 'kafak', but routes/ has no route deliver-to-kafak:"
                        + " use file, jms or kafka, or add that route.");
    }

    @Test
    void aNumberSettingThatIsNoNumberStopsStartUpBeforeAnyBeanIsBuilt() {
        assertThatThrownBy(() -> start("newsdesk.inbox.poll-ms", "half a second"))
                .rootCause().isInstanceOf(MissingSettingException.class)
                .hasMessage("NEWSDESK_INBOX_POLL_MS (newsdesk.inbox.poll-ms) is 'half a second': it must be a whole number,"
                        + " e.g. the default 500.");
    }

    @Test
    void aTrueOrFalseSettingThatIsNeitherStopsStartUp() {
        assertThatThrownBy(() -> start("newsdesk.deepl.simulator", "yes"))
                .rootCause().hasMessage("NEWSDESK_DEEPL_SIMULATOR (newsdesk.deepl.simulator) is 'yes': it must be true or false,"
                        + " e.g. the default false.");
    }

    private void start(String key, String value) throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("deepl.auth-key", RunningNewsdesk.AUTH_KEY);
        overrides.setProperty("newsdesk.data-dir", dataDir.toString());
        overrides.setProperty(key, value);
        Main main = Service.create(overrides);
        try {
            main.start();
        } finally {
            main.stop();
        }
    }
}
