package newsdesk.translate;

import com.deepl.api.DeepLException;
import com.deepl.api.Language;
import com.deepl.api.Translator;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
     * when it does not answer within {@code patience} the built-in list) translates from the source
     * and into the target language. The wait is bounded here, as a client's timeout does not cover
     * looking up DeepL's address, which can take close to a minute on a machine without network.
     */
    public void check(Translator client, Duration patience) throws MissingSettingException, InterruptedException {
        CompletableFuture<Offered> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return Offered.by(client);
            } catch (DeepLException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        Offered offered;
        String whose;
        try {
            offered = answer.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            whose = "DeepL's list";
        } catch (ExecutionException | TimeoutException e) {
            answer.cancel(true);
            LOG.warn("DeepL could not be asked which languages it offers ({}); the language settings are checked "
                    + "against Newsdesk's copy of its list.", e instanceof TimeoutException
                    ? "no answer within " + patience.toSeconds() + " s" : e.getCause().getMessage());
            offered = new Offered(KNOWN_SOURCES, KNOWN_TARGETS);
            whose = "Newsdesk's copy of DeepL's list, as DeepL could not be asked";
        }
        if (!offered.sources().contains(source)) {
            throw new MissingSettingException(SOURCE + " is '" + source + "', which DeepL does not translate from: "
                    + "set it to one of " + offered.sources() + " (" + whose + ").");
        }
        if (!offers(offered.targets(), target)) {
            throw new MissingSettingException(TARGET + " is '" + target + "', which DeepL does not translate into: "
                    + "set it to one of " + offered.targets() + " (" + whose + ").");
        }
    }

    /** Whether DeepL's documented list has this source language (a code such as DE). */
    public static boolean documentedSource(String code) {
        return KNOWN_SOURCES.contains(code.toUpperCase(Locale.ROOT));
    }

    /** Whether DeepL's documented list has this target language (a code such as FR or EN-GB). */
    public static boolean documentedTarget(String code) {
        return offers(KNOWN_TARGETS, code.toUpperCase(Locale.ROOT));
    }

    /** Whether DeepL lists both languages now: after it refused one, work resumes once it does. */
    public boolean offeredBy(Translator client) throws DeepLException, InterruptedException {
        Offered offered = Offered.by(client);
        return offered.sources().contains(source) && offers(offered.targets(), target);
    }

    /** The codes DeepL lists, upper case. */
    private record Offered(List<String> sources, List<String> targets) {
        static Offered by(Translator client) throws DeepLException, InterruptedException {
            return new Offered(codes(client.getSourceLanguages()), codes(client.getTargetLanguages()));
        }
    }

    /** EN and PT are still accepted as targets, for EN-GB/EN-US and PT-BR/PT-PT, though DeepL no longer lists them. */
    private static boolean offers(List<String> targets, String target) {
        return targets.contains(target) || targets.stream().anyMatch(listed -> listed.startsWith(target + "-"));
    }

    private static List<String> codes(List<Language> languages) {
        return languages.stream().map(language -> language.getCode().toUpperCase(Locale.ROOT)).toList();
    }
}
