package newsdesk.translate;

import com.deepl.api.DeepLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import newsdesk.article.Article;
import newsdesk.article.ArticleText;
import newsdesk.article.Translation;
import newsdesk.budget.DeeplBudgetUsedUpException;
import newsdesk.desk.Desk;
import newsdesk.summarize.ExtractiveSummarizer;

/**
 * Summary-only translation: picks the summary sentences from the original (with the sentence model
 * of its language) and sends DeepL only those and the title. The
 * paragraphs around them go along as {@code context}, which DeepL reads but does not bill, so an
 * article costs about a quarter of its characters.
 *
 * <p>The translation then holds the title and the summary sentences, one per line; the summary is
 * those sentences. An article in a language without a sentence model, in the target language (passed
 * through untranslated), left to DeepL's detection, or in which the summarizer finds no sentence is
 * translated in full.
 */
public class SummaryTranslator {

    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

    private final ExtractiveSummarizer summarizer;
    private final DeeplTranslator translator;
    private final RequestPacker packer;

    public SummaryTranslator(ExtractiveSummarizer summarizer, DeeplTranslator translator, RequestPacker packer) {
        this.summarizer = summarizer;
        this.translator = translator;
        this.packer = packer;
    }

    /** The article as its desk says: its languages, summary length, formality and glossary. */
    public Article translate(Article article, Desk desk)
            throws DeepLException, ContentRejectedException, DeeplBudgetUsedUpException, InterruptedException {
        return new SummaryTranslator(summarizer.forDesk(desk), translator.forDesk(desk), packer).translate(article);
    }

    public Article translate(Article article)
            throws DeepLException, ContentRejectedException, DeeplBudgetUsedUpException, InterruptedException {
        String source = article.sourceLanguage();
        if (source == null || translator.isTargetLanguage(source) || !ExtractiveSummarizer.summarizes(source)) {
            return summarizer.summarize(translator.translate(article));
        }
        ArticleText original = article.original();
        // A summary line is one sentence; a line break inside one would break the layout below.
        List<String> sentences = summarizer.summarize(original.title(), original.body(), source).stream()
                .map(sentence -> LINE_BREAK.matcher(sentence).replaceAll(" ").strip())
                .filter(sentence -> !sentence.isEmpty())
                .toList();
        if (sentences.isEmpty()) {
            return summarizer.summarize(translator.translate(article));
        }
        List<String> texts = new ArrayList<>();
        if (original.hasTitle()) {
            texts.add(original.title());
        }
        texts.addAll(sentences);

        DeeplTranslator.Translated translated = translator.translate(texts, article.sourceLanguage(),
                context(original.paragraphs(), sentences, packer.roomForContext(texts)));

        List<String> english = translated.texts();
        List<String> englishSentences = english.subList(original.hasTitle() ? 1 : 0, english.size());
        List<String> lines = new ArrayList<>();
        if (original.hasTitle()) {
            lines.add(english.get(0));
            lines.add("");
        }
        lines.addAll(englishSentences);
        Translation translation = new Translation(new ArticleText(lines, original.hasTitle()),
                translator.targetLanguage(), translated.billedCharacters(), translated.detectedSourceLanguage(),
                translated.cached(), Translation.DEEPL, Translation.Mode.SUMMARY, translated.glossary());
        return article.withTranslation(translation).withSummary(englishSentences);
    }

    /**
     * The paragraphs nearest to the chosen sentences, in text order, as many as fit in {@code room}
     * bytes (form-encoded): the whole article when it fits. Null when nothing fits.
     */
    static String context(List<String> paragraphs, List<String> sentences, int room) {
        int[] distance = distanceToSummary(paragraphs, sentences);
        List<Integer> nearestFirst = IntStream.range(0, paragraphs.size()).boxed()
                .sorted(Comparator.comparingInt(i -> distance[i])).toList();
        boolean[] kept = new boolean[paragraphs.size()];
        int used = 0;
        for (int i : nearestFirst) {
            // Each paragraph after the first costs its line break too (3 bytes encoded).
            int size = RequestPacker.encodedLength(paragraphs.get(i)) + (used == 0 ? 0 : 3);
            if (used + size <= room) {
                kept[i] = true;
                used += size;
            }
        }
        List<String> context = IntStream.range(0, paragraphs.size()).filter(i -> kept[i])
                .mapToObj(paragraphs::get).toList();
        return context.isEmpty() ? null : String.join("\n", context);
    }

    /** For each paragraph, how many paragraphs away the nearest one holding a summary sentence is. */
    private static int[] distanceToSummary(List<String> paragraphs, List<String> sentences) {
        int[] distance = new int[paragraphs.size()];
        List<Integer> holders = IntStream.range(0, paragraphs.size())
                .filter(i -> sentences.stream().anyMatch(paragraphs.get(i)::contains)).boxed().toList();
        for (int i = 0; i < paragraphs.size(); i++) {
            int p = i;
            distance[i] = holders.stream().mapToInt(h -> Math.abs(h - p)).min().orElse(0);
        }
        return distance;
    }
}
