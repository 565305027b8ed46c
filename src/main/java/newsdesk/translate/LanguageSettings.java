package newsdesk.translate;

import com.deepl.api.DeepLException;
import com.deepl.api.Language;
import com.deepl.api.Translator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks newsdesk.source-language and newsdesk.target-language against the languages DeepL offers
 * ({@code /v2/languages}), so a wrong one stops start-up with one line instead of sending every
 * article to error/. When DeepL cannot be asked, a copy of its documented list stands in.
 */
public class LanguageSettings {

    static final String SOURCE = "NEWSDESK_SOURCE_LANGUAGE";
    static final String TARGET = "NEWSDESK_TARGET_LANGUAGE";

    private static final Logger LOG = LoggerFactory.getLogger("newsdesk.deepl");
    /** DeepL's documented languages (developers.deepl.com, "Supported languages"). */
    static final List<String> KNOWN_SOURCES = List.of("AR", "BG", "CS", "DA", "DE", "EL", "EN", "ES", "ET", "FI",
            "FR", "HE", "HU", "ID", "IT", "JA", "KO", "LT", "LV", "NB", "NL", "PL", "PT", "RO", "RU", "SK", "SL",
            "SV", "TH", "TR", "UK", "VI", "ZH");
    static final List<String> KNOWN_TARGETS = List.of("AR", "BG", "CS", "DA", "DE", "EL", "EN-GB", "EN-US", "ES",
            "ES-419", "ET", "FI", "FR", "HE", "HU", "ID", "IT", "JA", "KO", "LT", "LV", "NB", "NL", "PL", "PT-BR",
            "PT-PT", "RO", "RU", "SK", "SL", "SV", "TH", "TR", "UK", "VI", "ZH", "ZH-HANS", "ZH-HANT");

    private final String source;
    private final String target;

    public LanguageSettings(String source, String target) {
        this.source = source.strip().toUpperCase(Locale.ROOT);
        this.target = target.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Throws, naming the setting and the valid values, unless DeepL (asked through {@code client}, or
     * when it cannot be asked the built-in list) translates from the source and into the target language.
     */
    public void check(Translator client) throws MissingSettingException, InterruptedException {
        List<String> sources;
        List<String> targets;
        String whose;
        try {
            sources = codes(client.getSourceLanguages());
            targets = codes(client.getTargetLanguages());
            whose = "DeepL's list";
        } catch (DeepLException e) {
            LOG.warn("DeepL could not be asked which languages it offers ({}); the language settings are checked "
                    + "against Newsdesk's copy of its list.", e.getMessage());
            sources = KNOWN_SOURCES;
            targets = KNOWN_TARGETS;
            whose = "Newsdesk's copy of DeepL's list, as DeepL could not be asked";
        }
        if (!sources.contains(source)) {
            throw new MissingSettingException(SOURCE + " is '" + source + "', which DeepL does not translate from: "
                    + "set it to one of " + sources + " (" + whose + ").");
        }
        if (!offers(targets, target)) {
            throw new MissingSettingException(TARGET + " is '" + target + "', which DeepL does not translate into: "
                    + "set it to one of " + targets + " (" + whose + ").");
        }
    }

    /** Whether DeepL lists both languages now: after it refused one, work resumes once it does. */
    public boolean offeredBy(Translator client) throws DeepLException, InterruptedException {
        return codes(client.getSourceLanguages()).contains(source) && offers(codes(client.getTargetLanguages()), target);
    }

    /** EN and PT are still accepted as targets, for EN-GB/EN-US and PT-BR/PT-PT, though DeepL no longer lists them. */
    private static boolean offers(List<String> targets, String target) {
        return targets.contains(target) || targets.stream().anyMatch(listed -> listed.startsWith(target + "-"));
    }

    private static List<String> codes(List<Language> languages) {
        return languages.stream().map(language -> language.getCode().toUpperCase(Locale.ROOT)).toList();
    }
}
