package newsdesk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import newsdesk.translate.MissingSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every number setting has a range its default is in, and a value outside it is one line naming the setting, the value and the range. */
class SettingValueCheckTest {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    @TempDir
    Path dir;

    private static KnownSettings known() throws Exception {
        return KnownSettings.read(Path.of("config/application.properties"));
    }

    @Test
    void everyNumberSettingHasARangeHoldingItsDefault() throws Exception {
        Map<String, String> defaults = known().defaults();
        defaults.forEach((key, value) -> {
            if (NUMBER.matcher(value).matches()) {
                assertThat(SettingValueCheck.RANGES).as(key).containsKey(key);
            }
        });
        assertThat(defaults.keySet()).containsAll(SettingValueCheck.RANGES.keySet()).containsAll(SettingValueCheck.CHOICES.keySet());
        SettingValueCheck.check(known(), key -> key.equals("newsdesk.data-dir") ? dir.toString() : defaults.get(key));
    }

    @Test
    void aValueOutOfRangeOrListIsOneLine() throws Exception {
        assertRefused("newsdesk.concurrency", "0", "NEWSDESK_CONCURRENCY (newsdesk.concurrency) is '0': it must be from 1 to 1000.");
        assertRefused("newsdesk.summary.ratio", "2", "NEWSDESK_SUMMARY_RATIO (newsdesk.summary.ratio) is '2': it must be from 0 to 1.");
        assertRefused("newsdesk.summary.ratio", "lots", "NEWSDESK_SUMMARY_RATIO (newsdesk.summary.ratio) is 'lots': it must be a number from 0 to 1.");
        assertRefused("newsdesk.deepl.budget.monthly-chars", "-5",
                "NEWSDESK_DEEPL_BUDGET_MONTHLY_CHARS (newsdesk.deepl.budget.monthly-chars) is '-5': it must be 0 or more.");
        assertRefused("newsdesk.log-format", "xml", "NEWSDESK_LOG_FORMAT is 'xml': set it to one of [text, json].");
        assertRefused("newsdesk.inbox.max-depth", "5", "NEWSDESK_INBOX_MAX_DEPTH (newsdesk.inbox.max-depth) is '5': it must be from 16 to 2000.");
    }

    private void assertRefused(String key, String value, String line) throws Exception {
        Map<String, String> defaults = known().defaults();
        assertThatThrownBy(() -> SettingValueCheck.check(known(), k -> k.equals(key) ? value
                : k.equals("newsdesk.data-dir") ? dir.toString() : defaults.get(k)))
                .isInstanceOf(MissingSettingException.class).hasMessage(line);
    }
}
