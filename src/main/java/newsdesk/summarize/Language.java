package newsdesk.summarize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What the summarizer needs to know about a language: its OpenNLP sentence model (from the Maven model
 * artifacts) and a Lucene analyzer that reduces text to stemmed content words. Both are loaded once and
 * shared between threads; the sentence detector itself is not thread-safe, so each call makes its own
 * (a few microseconds over the shared model).
 */
enum Language {
    EN("/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin", new EnglishAnalyzer()),
    DE("/opennlp-de-ud-gsd-sentence-1.3-2.5.4.bin", new GermanAnalyzer()),
    FR("/opennlp-fr-ud-gsd-sentence-1.3-2.5.4.bin", new FrenchAnalyzer());

    /** Compiled once: String.split compiles a multi-character regex on every call. */
    private static final Pattern REGION_SEPARATOR = Pattern.compile("[-_]");

    private final SentenceModel sentenceModel;
    /** The characters at which the model decides whether a sentence ends. */
    private final String endOfSentence;
    private final Analyzer analyzer;

    Language(String sentenceModelResource, Analyzer analyzer) {
        this.sentenceModel = loadModel(sentenceModelResource);
        this.endOfSentence = new String(sentenceModel.getFactory().getEOSCharacters());
        this.analyzer = analyzer;
    }

    /** "en", "de" or "fr", case-insensitive; a region suffix such as "EN-US" is ignored. */
    static Language of(String code) {
        return find(code).orElseThrow(
                () -> new IllegalArgumentException("Unsupported summary language: " + code + " (use en, de or fr)"));
    }

    /** Whether {@link #of} knows the language. */
    static boolean supports(String code) {
        return find(code).isPresent();
    }

    private static Optional<Language> find(String code) {
        String base = code == null ? "" : REGION_SEPARATOR.split(code.toLowerCase(Locale.ROOT))[0];
        return switch (base) {
            case "en" -> Optional.of(EN);
            case "de" -> Optional.of(DE);
            case "fr" -> Optional.of(FR);
            default -> Optional.empty();
        };
    }

    /** Sentence spans as the statistical model sees them, before the rule-based corrections. */
    Span[] sentenceSpans(String text) {
        // The model only decides at end-of-sentence characters. If the one at the end of the text is the only one,
        // SentenceDetectorME returns the trimmed text as one sentence whatever it decides, so it need not run.
        Span whole = new Span(0, text.length()).trim(text);
        if (!hasEndOfSentenceBefore(text, whole.getEnd() - 1)) {
            return whole.length() > 0 ? new Span[] {whole} : new Span[0];
        }
        return new SentenceDetectorME(sentenceModel).sentPosDetect(text);
    }

    private boolean hasEndOfSentenceBefore(String text, int end) {
        for (int i = 0; i < end; i++) {
            if (endOfSentence.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Lower-cased, stemmed words of the text without stopwords. */
    List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static SentenceModel loadModel(String resource) {
        try (InputStream in = Language.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Sentence model " + resource + " is not on the classpath");
            }
            return new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load sentence model " + resource, e);
        }
    }
}
