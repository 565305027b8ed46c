package newsdesk.summarize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.util.Span;

/**
 * Splits one paragraph into sentences: the OpenNLP model proposes boundaries, then rules take back the
 * ones it gets wrong in news text, namely inside a quotation and after an abbreviation.
 * A paragraph never shares a sentence with another, so callers split paragraph by paragraph.
 */
final class SentenceSplitter {

    /** Abbreviations that never end a sentence (titles and the like), without their period. */
    private static final Set<String> TITLES = Set.of(
            "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt",
            "Cmdr", "Adm", "Rev", "Hon", "Mt", "Ft", "Supt", "Insp", "Det", "vs", "Hr", "Fr", "bzw", "ca",
            "vgl", "Str", "sog", "inkl", "ggf", "evtl", "Mio", "Mrd", "Jh");
    /** Abbreviations that precede a number: "No. 10", "Nr. 5", "Art. 3", "S. 12". */
    private static final Pattern NUMBER_ABBREVIATION = Pattern.compile("(?:No|Nos|Nr|Art|Abs|S|p|pp)\\.");
    private static final Pattern INITIAL = Pattern.compile("\\p{L}\\.");
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("(?:\\p{L}\\.){2,}");
    private static final Pattern ACRONYM_THEN_STARTER = Pattern.compile("\\b((?:\\p{Lu}\\.){2,})\\s+(\\p{Lu}\\p{L}*)\\b");
    /** German ordinals ("am 3. Oktober") look like a sentence ending in a number. */
    private static final Pattern GERMAN_ORDINAL = Pattern.compile("\\d{1,3}\\.");
    /** What ends the word after a dotted acronym: whitespace and ASCII punctuation, regex [\\s\\p{Punct}]. */
    private static final String WORD_ENDS = " \t\n\u000B\f\r!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    /** Words that start a new sentence after a dotted acronym ("... in the U.S. He said"). */
    private static final Set<String> SENTENCE_STARTERS = Set.of(
            "A", "An", "The", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
            "There", "His", "Her", "Its", "Their", "Our", "But", "And", "In", "On", "At", "If", "When", "As",
            "Der", "Die", "Das", "Er", "Sie", "Es", "Wir", "Ich", "Ein", "Eine", "Doch", "Aber", "Und", "Im");

    private final Language language;

    SentenceSplitter(Language language) {
        this.language = language;
    }

    List<String> split(String paragraph) {
        List<Quotation> quotations = Quotation.find(paragraph);
        List<String> sentences = new ArrayList<>();
        int start = -1;
        List<Span> spans = withAcronymEndings(paragraph, language.sentenceSpans(paragraph));
        for (int i = 0; i < spans.size(); i++) {
            if (start < 0) {
                start = spans.get(i).getStart();
            }
            boolean last = i == spans.size() - 1;
            if (last || !joins(paragraph, spans.get(i), spans.get(i + 1), quotations)) {
                sentences.add(paragraph.substring(start, spans.get(i).getEnd()).strip());
                start = -1;
            }
        }
        return sentences;
    }

    /** The model never ends a sentence on "U.S."; cut where such an acronym is followed by a sentence opener. */
    private static List<Span> withAcronymEndings(String text, Span[] spans) {
        List<Span> result = new ArrayList<>();
        for (Span span : spans) {
            int start = span.getStart();
            // Searching for the pattern costs far more than this scan, and most sentences hold no acronym.
            if (hasDottedAcronym(text, start, span.getEnd())) {
                Matcher ending = ACRONYM_THEN_STARTER.matcher(text).region(start, span.getEnd());
                while (ending.find()) {
                    if (SENTENCE_STARTERS.contains(ending.group(2))) {
                        result.add(new Span(start, ending.end(1)));
                        start = ending.start(2);
                    }
                }
            }
            result.add(new Span(start, span.getEnd()));
        }
        return result;
    }

    /** Whether text[from, to) holds two uppercase letters each followed by a period, as every dotted acronym does. */
    private static boolean hasDottedAcronym(String text, int from, int to) {
        for (int period = text.indexOf('.', from); period >= 0 && period < to; period = text.indexOf('.', period + 1)) {
            int letter = uppercaseLetterBefore(text, from, period);
            if (letter > from && text.charAt(letter - 1) == '.' && uppercaseLetterBefore(text, from, letter - 1) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Where the uppercase letter (\\p{Lu}) that ends just before index starts, if it starts at from or later; else -1. */
    private static int uppercaseLetterBefore(String text, int from, int index) {
        if (index <= from) {
            return -1;
        }
        int codePoint = text.codePointBefore(index);
        int start = index - Character.charCount(codePoint);
        return start >= from && Character.getType(codePoint) == Character.UPPERCASE_LETTER ? start : -1;
    }

    private boolean joins(String text, Span sentence, Span next, List<Quotation> quotations) {
        int boundary = sentence.getEnd();
        for (Quotation quote : quotations) {
            if (quote.encloses(boundary)) {
                return true;
            }
        }
        char nextFirst = firstLetterOrDigit(text, next.getStart(), next.getEnd());
        if (Character.isLowerCase(nextFirst)) {
            return true;
        }
        String lastToken = lastToken(text, sentence.getStart(), sentence.getEnd());
        if (lastToken.endsWith(".") && TITLES.contains(lastToken.substring(0, lastToken.length() - 1))) {
            return true;
        }
        if (NUMBER_ABBREVIATION.matcher(lastToken).matches() && Character.isDigit(nextFirst)) {
            return true;
        }
        if (INITIAL.matcher(lastToken).matches()) {
            return true;
        }
        if (DOTTED_ACRONYM.matcher(lastToken).matches() && !SENTENCE_STARTERS.contains(firstWord(text, next.getStart(), next.getEnd()))) {
            return true;
        }
        return language == Language.DE && GERMAN_ORDINAL.matcher(lastToken).matches();
    }

    /** The last space-separated token of text[start, end), without leading punctuation: "(z." or "„Dr." keep only the word. */
    private static String lastToken(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int begin = Math.max(text.lastIndexOf(' ', end - 1) + 1, start);
        while (begin < end && !Character.isLetterOrDigit(text.charAt(begin))) {
            begin++;
        }
        return text.substring(begin, end);
    }

    /** text[start, end) up to the first of {@link #WORD_ENDS}. */
    private static String firstWord(String text, int start, int end) {
        int stop = start;
        while (stop < end && WORD_ENDS.indexOf(text.charAt(stop)) < 0) {
            stop++;
        }
        return text.substring(start, stop);
    }

    private static char firstLetterOrDigit(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return ' ';
    }
}
