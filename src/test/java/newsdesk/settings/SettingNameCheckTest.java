package newsdesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A misspelt NEWSDESK_ variable or newsdesk. property is named with the closest known setting; known ones and others pass. */
class SettingNameCheckTest {

    private static KnownSettings known() throws Exception {
        return KnownSettings.read(Path.of("config/application.properties"));
    }

    @Test
    void aMisspeltVariableOrPropertyGetsOneWarningNamingTheClosestKnownSetting() throws Exception {
        assertThat(SettingNameCheck.warnings(known(),
                Map.of("NEWSDESK_SUMARY_SENTENCES", "2", "NEWSDESK_DATADIR", "/x", "NEWSDESK_DATA_DIR", "/y",
                        "DEEPL_AUTH_KEY", "k", "PATH", "/bin"),
                Set.of("newsdesk.target-langauge", "newsdesk.concurrency", "java.home")))
                .containsExactly(
                        "The environment variable NEWSDESK_DATADIR is not a Newsdesk setting and is ignored: did you mean "
                                + "NEWSDESK_DATA_DIR? (Every setting is listed in config/application.properties.)",
                        "The environment variable NEWSDESK_SUMARY_SENTENCES is not a Newsdesk setting and is ignored: did you mean "
                                + "NEWSDESK_SUMMARY_SENTENCES? (Every setting is listed in config/application.properties.)",
                        "The system property newsdesk.target-langauge is not a Newsdesk setting and is ignored: did you mean "
                                + "newsdesk.target-language? (Every setting is listed in config/application.properties.)");
    }

    @Test
    void everyKeyOfTheConfigurationIsKnownUnderBothNames() throws Exception {
        KnownSettings known = known();
        Map<String, String> environment = new java.util.HashMap<>();
        known.defaults().keySet().forEach(key -> environment.put(KnownSettings.variable(key), "x"));

        assertThat(SettingNameCheck.warnings(known, environment, known.defaults().keySet())).isEmpty();
        assertThat(environment).containsKeys("NEWSDESK_HOME", "NEWSDESK_MONITORING_HOST", "NEWSDESK_DATA_DIR");
    }
}
