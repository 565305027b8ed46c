package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import newsdesk.deeplsim.DeeplSimulator;
import newsdesk.translate.MissingSettingException;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A role, work queue, delivery target, language or value of the wrong kind stops start-up with a
 * line naming the setting.
 */
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
    void anUnknownDeliveryFormatStopsStartUp() {
        assertThatThrownBy(() -> start("newsdesk.deliver.file.format", "ninjs3"))
                .rootCause().hasMessage("NEWSDESK_DELIVER_FILE_FORMAT is 'ninjs3': set it to one of [newsdesk, ninjs].");
    }

    @Test
    void aDeliveryTargetWithoutARouteStopsStartUp() {
        assertThatThrownBy(() -> start("newsdesk.deliver.targets", "file, kafak"))
                .rootCause().isInstanceOf(MissingSettingException.class)
                .hasMessage("NEWSDESK_DELIVER_TARGETS names 'kafak', but routes/ has no route deliver-to-kafak:"
                        + " use file, jms, kafka or webhook, or add that route.");
    }

    @Test
    void aWebhookTargetNeedsItsAddressAndASecret() {
        assertThatThrownBy(() -> start("newsdesk.deliver.targets", "file,webhook"))
                .rootCause().isInstanceOf(MissingSettingException.class)
                .hasMessageStartingWith("NEWSDESK_DELIVER_TARGETS names webhook, but NEWSDESK_DELIVER_WEBHOOK_URL is not set");
        assertThatThrownBy(() -> start("newsdesk.deliver.targets", "file,webhook", "newsdesk.deliver.webhook.url", "http://127.0.0.1:9/hook"))
                .rootCause().isInstanceOf(MissingSettingException.class)
                .hasMessageStartingWith("NEWSDESK_DELIVER_WEBHOOK_SECRET is not set");
    }

    @Test
    void aNumberSettingThatIsNoNumberStopsStartUpBeforeAnyBeanIsBuilt() {
        assertThatThrownBy(() -> start("newsdesk.inbox.poll-ms", "half a second"))
                .rootCause().isInstanceOf(MissingSettingException.class)
                .hasMessage("NEWSDESK_INBOX_POLL_MS (newsdesk.inbox.poll-ms) is 'half a second': it must be a whole number,"
                        + " e.g. the default 100.");
    }

    @Test
    void aTrueOrFalseSettingThatIsNeitherStopsStartUp() {
        assertThatThrownBy(() -> start("newsdesk.deepl.simulator", "yes"))
                .rootCause().hasMessage("NEWSDESK_DEEPL_SIMULATOR (newsdesk.deepl.simulator) is 'yes': it must be true or false,"
                        + " e.g. the default false.");
    }

    @Test
    void aTargetLanguageDeeplDoesNotOfferStopsStartUpWithDeeplsList() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            assertThatThrownBy(() -> start("deepl.server-url", deepl.url(), "newsdesk.target-language", "XX"))
                    .rootCause().isInstanceOf(MissingSettingException.class)
                    .hasMessage("NEWSDESK_TARGET_LANGUAGE is 'XX', which DeepL does not translate into: set it to one of "
                            + "[DE, EN-GB, EN-US, FR, ES, IT, NL, PL, JA] (DeepL's list).");
            assertThat(deepl.translateRequestCount()).isZero();
        }
    }

    @Test
    void aSourceLanguageDeeplDoesNotOfferStopsStartUp() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            assertThatThrownBy(() -> start("deepl.server-url", deepl.url(), "newsdesk.source-language", "EN-US"))
                    .rootCause().isInstanceOf(MissingSettingException.class)
                    .hasMessageStartingWith("NEWSDESK_SOURCE_LANGUAGE is 'EN-US', which DeepL does not translate from: "
                            + "set it to one of [DE, EN, FR");
        }
    }

    @Test
    void whenDeeplCannotBeAskedTheBuiltInListDecides() {
        assertThatThrownBy(() -> start("deepl.server-url", "http://127.0.0.1:9", "newsdesk.target-language", "XX"))
                .rootCause().isInstanceOf(MissingSettingException.class)
                .hasMessageStartingWith("NEWSDESK_TARGET_LANGUAGE is 'XX', which DeepL does not translate into: set it to one of [AR, BG,")
                .hasMessageEndingWith("(Newsdesk's copy of DeepL's list, as DeepL could not be asked).");
    }

    @Test
    void validLanguagesStartAndOldStyleEnglishIsAccepted() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            start("deepl.server-url", deepl.url(), "newsdesk.target-language", "en");
        }
        start("deepl.server-url", "http://127.0.0.1:9", "newsdesk.target-language", "PT-BR");
    }

    /** Role ingest neither translates nor needs a key, so it does not ask DeepL. */
    @Test
    void anIngestNodeDoesNotCheckLanguages() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            start("deepl.server-url", deepl.url(), "newsdesk.target-language", "XX", "newsdesk.role", "ingest",
                    "deepl.auth-key", "");
        }
    }

    private void start(String... settings) throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("deepl.auth-key", RunningNewsdesk.AUTH_KEY);
        overrides.setProperty("newsdesk.data-dir", dataDir.toString());
        overrides.setProperty("newsdesk.monitoring.enabled", "false");
        for (int i = 0; i < settings.length; i += 2) {
            overrides.setProperty(settings[i], settings[i + 1]);
        }
        Main main = Service.create(overrides);
        try {
            main.start();
        } finally {
            main.stop();
        }
    }
}
