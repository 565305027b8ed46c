package newsdesk;

import java.nio.charset.StandardCharsets;
import newsdesk.article.Article;
import newsdesk.article.Translation;
import newsdesk.deliver.ResultFormatter;
import newsdesk.ingest.ArticleReader;
import newsdesk.ingest.ReadLimits;
import newsdesk.ingest.LanguageGuesser;
import newsdesk.summarize.ExtractiveSummarizer;
import newsdesk.translate.DeeplClientFactory;
import org.slf4j.LoggerFactory;

/**
 * Takes a made-up article through the pipeline's local steps (read, language guess, summary, result
 * JSON) and builds a DeepL client on a second thread while Camel starts on the first, so the classes,
 * sentence models and analyzers the first real article needs are loaded by the time it comes: with two
 * cores that work overlaps Camel's start instead of following it. Nothing is written or sent. Class
 * initialisation is thread-safe, so a step that needs a class still loading here waits for it rather
 * than loading it twice.
 */
final class Preinitializer {

    private static final byte[] ARTICLE = ("Der Stadtrat berät über den Haushalt\n\n"
            + "Der Stadtrat hat am Montag über den Haushalt beraten. Die Mehrheit stimmte dem Entwurf zu.\n"
            + "Die Opposition kritisierte die Ausgaben für Straßen. Eine Entscheidung soll im Herbst fallen.\n")
            .getBytes(StandardCharsets.UTF_8);

    private Preinitializer() {
    }

    static void start() {
        Thread thread = new Thread(Preinitializer::run, "preinitialize");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            Article article = new LanguageGuesser("EN-US").guess(new ArticleReader("DE", new ReadLimits(ARTICLE.length, ARTICLE.length, ReadLimits.TOOL_DEPTH))
                    .read(ARTICLE, "preinitialize.txt"));
            article = article.withTranslation(Translation.untranslated(article.original(), "EN-US", "DE"));
            new ResultFormatter().toJson(new ExtractiveSummarizer(3, 0).summarize(article), "default");
            DeeplClientFactory.create("preinitialize:fx", null, "http://localhost", 0, 1000);
        } catch (Exception | LinkageError e) {
            // The first article meets the same problem; logged here too, as a class that failed to initialise
            // says only that from then on.
            LoggerFactory.getLogger(Preinitializer.class).warn("Preinitializing the article pipeline failed", e);
        }
    }
}
