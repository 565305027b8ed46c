package newsdesk.translate;

import com.deepl.api.DeepLException;
import java.util.Optional;

/**
 * DeepL refused a request because of a setting, not the text: a 400 about {@code target_lang} or
 * {@code source_lang}. Every article would meet it, so work pauses (like a 456) instead of each file
 * going to error/.
 */
public class SettingRejectedException extends DeepLException {

    private final String setting;

    private SettingRejectedException(String setting, String value, String deeplMessage) {
        super("DeepL refuses the setting " + setting + " ('" + value + "'): " + deeplMessage);
        this.setting = setting;
    }

    /** The environment variable of the setting DeepL refused, e.g. NEWSDESK_TARGET_LANGUAGE. */
    public String setting() {
        return setting;
    }

    /** The setting a DeepL error blames, or empty when it is about something else. */
    public static Optional<SettingRejectedException> from(DeepLException e, String sourceLanguage, String targetLanguage) {
        String message = e.getMessage();
        if (e.getClass() != DeepLException.class || message == null || !message.startsWith("Bad request")) {
            return Optional.empty();
        }
        if (message.contains("'target_lang'")) {
            return Optional.of(new SettingRejectedException(LanguageSettings.TARGET, targetLanguage, message));
        }
        if (message.contains("'source_lang'")) {
            return Optional.of(new SettingRejectedException(LanguageSettings.SOURCE, sourceLanguage, message));
        }
        return Optional.empty();
    }
}
