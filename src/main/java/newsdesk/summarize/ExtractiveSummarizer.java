package newsdesk.summarize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import newsdesk.article.Article;
import newsdesk.article.ArticleText;
import newsdesk.desk.Desk;

/**
 * Picks the sentences that best summarise a news article and returns them verbatim, in text order.
 * Thread-safe: models are loaded once and shared, so one instance can serve concurrent articles.
 */
public class ExtractiveSummarizer {

    /**
     * Sentences ranked at most, from the start: the ranking compares every pair, so a file of 100,000
     * one-line sentences would need tens of GB; news puts the essentials first anyway.
     */
    static final int MAX_CANDIDATES = 400;
    /** Compiled once: String.split compiles a multi-character regex on every call. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private final SummaryLength length;
    private final int maxChars;
    private final SentenceRanking ranking;

    /** sentences > 0; maxChars 0 = no character budget (else the summary's total length stays within it, at least one sentence). */
    public ExtractiveSummarizer(int sentences, int maxChars) {
        this(SummaryLength.fixed(sentences), maxChars, SummaryMethod.DEFAULT);
    }

    /** The same with a length rule, and a baseline method instead of the summarizer's own for comparisons. */
    public ExtractiveSummarizer(SummaryLength length, int maxChars, SummaryMethod method) {
        this(length, maxChars, method.ranking());
    }

    ExtractiveSummarizer(SummaryLength length, int maxChars, SentenceRanking ranking) {
        if (maxChars < 0) {
            throw new IllegalArgumentException("maxChars must be 0 (no budget) or positive: " + maxChars);
        }
        this.length = length;
        this.maxChars = maxChars;
        this.ranking = ranking;
        // Loads the sentence models and analyzers now rather than during the first article.
        Language.values();
    }

    /** Whether summaries can be made in this language (a code such as "fr" or "EN-US"): there is a sentence model and an analyzer for it. */
    public static boolean summarizes(String language) {
        return Language.supports(language);
    }

    /** The languages {@link #summarizes} knows, e.g. "DE, EN, FR". */
    public static String languages() {
        return Arrays.stream(Language.values()).map(Enum::name).sorted().collect(Collectors.joining(", "));
    }

    /**
     * Sentences copied verbatim from body, in text order. language "en", "de" or "fr". title may be null.
     * Never returns the title line alone, boilerplate trailers, etc.
     */
    public List<String> summarize(String title, String body, String language) {
        Language lang = Language.of(language);
        List<String> texts = candidateSentences(title, body, lang);
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Integer> ranked = ranking.rank(Candidates.of(texts, lang));
        return select(ranked, texts, length.count(texts.size()));
    }

    /** A summarizer of a desk's length (summarySentences, summaryMaxChars; newsdesk.summary.ratio* still apply). */
    public ExtractiveSummarizer forDesk(Desk desk) {
        return new ExtractiveSummarizer(new SummaryLength(desk.summarySentences(), length.ratio(), length.min(), length.max()),
                desk.summaryMaxChars(), ranking);
    }

    /**
     * Pipeline step: the summary of the translation, in its language (a desk checks at start that there
     * is a model for it; English is taken otherwise).
     */
    public Article summarize(Article article) {
        ArticleText text = article.translation().text();
        String language = article.translation().targetLanguage();
        return article.withSummary(summarize(text.title(), text.body(), Language.supports(language) ? language : "en"));
    }

    /** {@link #summarize(Article)} at the length the article's desk asks for. */
    public Article summarize(Article article, Desk desk) {
        return forDesk(desk).summarize(article);
    }

    /** {@link #summarizeOriginal(Article)} at the length the article's desk asks for. */
    public Article summarizeOriginal(Article article, Desk desk) {
        return forDesk(desk).summarizeOriginal(article);
    }

    /**
     * Pipeline step for newsdesk.summary.language=source: the summary of the original text, in its own
     * language (en or de: the article's source language, or the one DeepL detected). Text in another
     * language gets the summary of its translation, as there is no model for it.
     */
    public Article summarizeOriginal(Article article) {
        String language = article.sourceLanguage() != null ? article.sourceLanguage()
                : article.translation().detectedSourceLanguage();
        if (!Language.supports(language)) {
            return summarize(article);
        }
        ArticleText text = article.original();
        return article.withSummary(summarize(text.title(), text.body(), language));
    }

    static List<String> candidateSentences(String title, String body, Language language) {
        SentenceSplitter splitter = new SentenceSplitter(language);
        String titleLine = title == null ? "" : title.strip();
        List<String> candidates = new ArrayList<>();
        for (String line : LINE_BREAK.split(body == null ? "" : body)) {
            String paragraph = line.strip();
            if (paragraph.isEmpty() || paragraph.equalsIgnoreCase(titleLine) || Boilerplate.isParagraph(paragraph)) {
                continue;
            }
            // isParagraph has checked this text for furniture already: a one-sentence paragraph needs no second check.
            String paragraphText = Boilerplate.withoutEndMark(paragraph);
            for (String sentence : splitter.split(paragraph)) {
                String text = Boilerplate.withoutEndMark(sentence);
                if (text.equals(paragraphText) || !Boilerplate.isSentence(text)) {
                    candidates.add(text);
                }
                if (candidates.size() == MAX_CANDIDATES) {
                    return candidates;
                }
            }
        }
        return candidates;
    }

    /** The best-ranked sentences within the sentence count and character budget, back in text order. */
    private List<String> select(List<Integer> ranked, List<String> texts, int sentences) {
        List<Integer> chosen = new ArrayList<>();
        int length = 0;
        for (int index : ranked) {
            if (chosen.size() == sentences) {
                break;
            }
            int added = texts.get(index).length() + (chosen.isEmpty() ? 0 : 1);
            if (maxChars == 0 || length + added <= maxChars) {
                chosen.add(index);
                length += added;
            }
        }
        if (chosen.isEmpty()) {
            // Nothing fits the budget: one sentence, the best, is still better than no summary.
            chosen.add(ranked.get(0));
        }
        return chosen.stream().sorted().map(texts::get).toList();
    }
}
