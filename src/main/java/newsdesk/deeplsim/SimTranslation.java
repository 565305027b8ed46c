package newsdesk.deeplsim;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The simulator's deterministic stand-in for machine translation and language detection.
 *
 * <p><b>Translation rule</b> ({@link #translate}): the output is {@code "[" + TARGET + "] "} (the
 * requested target language upper-cased, e.g. {@code "[EN-US] "}) followed by the source text in
 * which every word (a maximal run of letters) is replaced by its entry in a small dictionary and
 * every other character (whitespace, newlines, digits, punctuation) is copied unchanged. The
 * dictionary is German→English when the source language is DE, French→English when it is FR, and
 * only applies when the target is English (EN, EN-US, EN-GB); otherwise words are kept. Unknown
 * words are kept verbatim. Replacements are written in dictionary case ("Regierung" →
 * "government", "Montag" → "Monday"), except that a capitalised source word at the start of a
 * sentence (start of text, or after {@code . ! ?} or a newline) gets a capitalised replacement.
 * So sentence boundaries, line structure and roughly the length survive, and every result is
 * recognisably the simulator's. With a glossary ({@link #translate(String, String, String, Map)}),
 * each of its source terms standing as whole words (case-sensitive, longest first) is replaced by its
 * target term verbatim before any dictionary word, so tests see the glossary used.
 *
 * <p><b>Detection rule</b> ({@link #detectLanguage}): count the words that are typical German
 * function words or contain ä/ö/ü/ß, the typical English function words, and the typical French
 * function words or words with French accents (é, è, ê, à, ç, œ…). "EN" if the English count is
 * greater than the German one and at least the French one; "FR" if the French count is greater
 * than both others; otherwise "DE" (also when nothing matches: the feed is German).
 */
public final class SimTranslation {

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private static final Set<String> GERMAN_WORDS = Set.of(
            "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "ein", "eine",
            "einen", "einer", "eines", "sich", "auf", "für", "zu", "im", "sie", "er", "es", "auch",
            "wird", "werden", "wurde", "wurden", "hat", "haben", "dass", "nach", "bei", "aus",
            "noch", "wie", "über", "sind", "oder", "aber", "vor", "zur", "zum", "um", "am", "nur",
            "schon", "sei", "seien", "sollen", "soll", "kann", "können", "mehr", "gegen");
    // Words that are also common German (die, will, war, was, so, in, an) are left out on purpose.
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "the", "and", "is", "are", "of", "to", "with", "for", "that", "this", "it", "on", "by",
            "from", "has", "have", "had", "be", "been", "not", "which", "their", "they", "after",
            "said", "more", "at", "would", "its", "were", "he", "she", "a", "but", "or", "about");
    private static final Set<String> FRENCH_WORDS = Set.of(
            "le", "la", "les", "et", "est", "une", "un", "du", "dans", "pour", "qui", "que", "sur",
            "pas", "au", "aux", "avec", "ce", "cette", "sont", "ont", "par", "il", "elle", "nous",
            "vous", "ils", "à", "été", "mais", "ou", "selon");
    private static final Pattern GERMAN_LETTERS = Pattern.compile("[äöüß]");
    private static final Pattern FRENCH_LETTERS = Pattern.compile("[éèêëàâçœîïôûù]");

    private static final Map<String, String> GERMAN_TO_ENGLISH = Map.ofEntries(
            Map.entry("der", "the"), Map.entry("die", "the"), Map.entry("das", "the"),
            Map.entry("den", "the"), Map.entry("dem", "the"), Map.entry("des", "of the"),
            Map.entry("ein", "a"), Map.entry("eine", "a"), Map.entry("einen", "a"),
            Map.entry("einem", "a"), Map.entry("einer", "a"), Map.entry("eines", "of a"),
            Map.entry("und", "and"), Map.entry("oder", "or"), Map.entry("aber", "but"),
            Map.entry("nicht", "not"), Map.entry("kein", "no"), Map.entry("keine", "no"),
            Map.entry("ist", "is"), Map.entry("sind", "are"), Map.entry("war", "was"),
            Map.entry("waren", "were"), Map.entry("sei", "is"), Map.entry("hat", "has"),
            Map.entry("haben", "have"), Map.entry("hatte", "had"), Map.entry("wird", "will"),
            Map.entry("werden", "will"), Map.entry("wurde", "was"), Map.entry("wurden", "were"),
            Map.entry("kann", "can"), Map.entry("können", "can"), Map.entry("soll", "shall"),
            Map.entry("sollen", "shall"), Map.entry("muss", "must"), Map.entry("will", "wants"),
            Map.entry("mit", "with"), Map.entry("von", "of"), Map.entry("vom", "from the"),
            Map.entry("für", "for"), Map.entry("auf", "on"),
            Map.entry("im", "in the"), Map.entry("an", "at"), Map.entry("am", "on the"),
            Map.entry("zu", "to"), Map.entry("zum", "to the"), Map.entry("zur", "to the"),
            Map.entry("nach", "after"), Map.entry("bei", "at"), Map.entry("aus", "from"),
            Map.entry("über", "about"), Map.entry("gegen", "against"), Map.entry("vor", "before"),
            Map.entry("seit", "since"), Map.entry("wegen", "because of"), Map.entry("dass", "that"),
            Map.entry("auch", "also"), Map.entry("noch", "still"), Map.entry("schon", "already"),
            Map.entry("nur", "only"), Map.entry("mehr", "more"), Map.entry("sehr", "very"),
            Map.entry("wie", "how"), Map.entry("sich", "itself"), Map.entry("er", "he"),
            Map.entry("sie", "she"), Map.entry("es", "it"), Map.entry("wir", "we"),
            Map.entry("ich", "I"), Map.entry("neue", "new"), Map.entry("neuen", "new"),
            Map.entry("neues", "new"), Map.entry("heute", "today"), Map.entry("gestern", "yesterday"),
            Map.entry("morgen", "tomorrow"), Map.entry("jahr", "year"), Map.entry("jahre", "years"),
            Map.entry("jahren", "years"), Map.entry("woche", "week"), Map.entry("tag", "day"),
            Map.entry("prozent", "percent"), Map.entry("millionen", "million"),
            Map.entry("milliarden", "billion"), Map.entry("menschen", "people"),
            Map.entry("regierung", "government"), Map.entry("bundesregierung", "federal government"),
            Map.entry("kanzler", "chancellor"), Map.entry("bundeskanzler", "federal chancellor"),
            Map.entry("minister", "minister"), Map.entry("ministerin", "minister"),
            Map.entry("präsident", "president"), Map.entry("polizei", "police"),
            Map.entry("stadt", "city"), Map.entry("land", "country"), Map.entry("gesetz", "law"),
            Map.entry("krieg", "war"), Map.entry("wahl", "election"), Map.entry("partei", "party"),
            Map.entry("sagte", "said"), Map.entry("erklärte", "explained"),
            Map.entry("beschlossen", "decided"), Map.entry("deutschland", "Germany"),
            Map.entry("deutsche", "German"), Map.entry("deutschen", "German"),
            Map.entry("montag", "Monday"), Map.entry("dienstag", "Tuesday"),
            Map.entry("mittwoch", "Wednesday"), Map.entry("donnerstag", "Thursday"),
            Map.entry("freitag", "Friday"), Map.entry("samstag", "Saturday"),
            Map.entry("sonntag", "Sunday"));

    private static final Map<String, String> FRENCH_TO_ENGLISH = Map.ofEntries(
            Map.entry("le", "the"), Map.entry("la", "the"), Map.entry("les", "the"),
            Map.entry("un", "a"), Map.entry("une", "a"), Map.entry("et", "and"),
            Map.entry("est", "is"), Map.entry("sont", "are"), Map.entry("a", "has"),
            Map.entry("ont", "have"), Map.entry("de", "of"), Map.entry("du", "of the"),
            Map.entry("dans", "in"), Map.entry("pour", "for"), Map.entry("avec", "with"),
            Map.entry("sur", "on"), Map.entry("qui", "who"), Map.entry("que", "that"),
            Map.entry("pas", "not"), Map.entry("il", "he"), Map.entry("elle", "she"),
            Map.entry("nous", "we"), Map.entry("gouvernement", "government"),
            Map.entry("président", "president"), Map.entry("ville", "city"));

    private SimTranslation() {
    }

    /**
     * Translates one text by the rule in the class comment.
     *
     * @param sourceLang source language code (e.g. "DE"), or null to detect it
     * @param targetLang target language code as requested (e.g. "en-US")
     */
    public static String translate(String text, String sourceLang, String targetLang) {
        return translate(text, sourceLang, targetLang, Map.of());
    }

    /** Translates one text by the rule in the class comment, with a glossary's source → target terms. */
    public static String translate(String text, String sourceLang, String targetLang, Map<String, String> glossary) {
        String target = targetLang.toUpperCase(Locale.ROOT);
        String source = sourceLang == null ? detectLanguage(text) : sourceLang.toUpperCase(Locale.ROOT);
        Map<String, String> dictionary = !target.startsWith("EN") ? Map.of()
                : source.equals("DE") ? GERMAN_TO_ENGLISH
                : source.equals("FR") ? FRENCH_TO_ENGLISH
                : Map.of();
        return "[" + target + "] " + replaceWords(text, dictionary, glossary);
    }

    /** Returns "DE", "EN" or "FR" by the rule in the class comment. */
    public static String detectLanguage(String text) {
        int german = 0;
        int english = 0;
        int french = 0;
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            if (GERMAN_WORDS.contains(word) || GERMAN_LETTERS.matcher(word).find()) {
                german++;
            }
            if (ENGLISH_WORDS.contains(word)) {
                english++;
            }
            if (FRENCH_WORDS.contains(word) || FRENCH_LETTERS.matcher(word).find()) {
                french++;
            }
        }
        if (english > german && english >= french) {
            return "EN";
        }
        return french > german && french > english ? "FR" : "DE";
    }

    private static String replaceWords(String text, Map<String, String> dictionary, Map<String, String> glossary) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher words = (glossary.isEmpty() ? WORD : termsOrWord(glossary)).matcher(text);
        boolean sentenceStart = true;
        int copiedUpTo = 0;
        while (words.find()) {
            out.append(text, copiedUpTo, words.start());
            if (endsSentence(text, copiedUpTo, words.start())) {
                sentenceStart = true;
            }
            String word = words.group();
            String term = glossary.get(word);
            String replacement = dictionary.get(word.toLowerCase(Locale.ROOT));
            if (term != null) {
                out.append(term);
            } else if (replacement == null) {
                out.append(word);
            } else if (sentenceStart && Character.isUpperCase(word.charAt(0))) {
                out.append(Character.toUpperCase(replacement.charAt(0))).append(replacement, 1, replacement.length());
            } else {
                out.append(replacement);
            }
            sentenceStart = false;
            copiedUpTo = words.end();
        }
        return out.append(text, copiedUpTo, text.length()).toString();
    }

    /** Whether text[from, to) holds a sentence end: a plain scan, as it runs for every word the simulator answers. */
    private static boolean endsSentence(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (".!?\n".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The glossary's source terms as whole words, longest first, else a word. */
    private static Pattern termsOrWord(Map<String, String> glossary) {
        String terms = glossary.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + terms + ")(?![\\p{L}\\p{N}])|\\p{L}+");
    }
}
