package newsdesk.evaluate;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Porter stemmer exactly as NLTK 3.8 implements it in its default NLTK_EXTENSIONS mode, which is the
 * stemmer rouge-score uses. A port, not a re-design: rule order and conditions follow NLTK line by line,
 * because ROUGE figures are only comparable when every stem matches.
 */
public final class PorterStemmer {

    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("sky", "sky"), Map.entry("skies", "sky"), Map.entry("dying", "die"),
            Map.entry("lying", "lie"), Map.entry("tying", "tie"), Map.entry("news", "news"),
            Map.entry("innings", "inning"), Map.entry("inning", "inning"), Map.entry("outings", "outing"),
            Map.entry("outing", "outing"), Map.entry("cannings", "canning"), Map.entry("canning", "canning"),
            Map.entry("howe", "howe"), Map.entry("proceed", "proceed"), Map.entry("exceed", "exceed"),
            Map.entry("succeed", "succeed"));

    /** A suffix rule: when the word ends with the suffix, the condition decides on the stem before it. */
    private record Rule(String suffix, String replacement, Predicate<String> condition) {
    }

    /** NLTK's "*d" pseudo-suffix: the word ends with a double consonant. */
    private static final String DOUBLE_CONSONANT = "*d";

    private static final List<Rule> STEP_1A = List.of(
            new Rule("sses", "ss", null), new Rule("ies", "i", null), new Rule("ss", "ss", null), new Rule("s", "", null));

    private static final List<Rule> STEP_3 = List.of(
            positive("icate", "ic"), positive("ative", ""), positive("alize", "al"), positive("iciti", "ic"),
            positive("ical", "ic"), positive("ful", ""), positive("ness", ""));

    private static final List<Rule> STEP_4 = List.of(
            measureAbove1("al"), measureAbove1("ance"), measureAbove1("ence"), measureAbove1("er"),
            measureAbove1("ic"), measureAbove1("able"), measureAbove1("ible"), measureAbove1("ant"),
            measureAbove1("ement"), measureAbove1("ment"), measureAbove1("ent"),
            new Rule("ion", "", stem -> measure(stem) > 1 && (stem.endsWith("s") || stem.endsWith("t"))),
            measureAbove1("ou"), measureAbove1("ism"), measureAbove1("ate"), measureAbove1("iti"),
            measureAbove1("ous"), measureAbove1("ive"), measureAbove1("ize"));

    private PorterStemmer() {
    }

    public static String stem(String word) {
        String stem = word.toLowerCase(java.util.Locale.ROOT);
        String irregular = IRREGULAR.get(stem);
        if (irregular != null) {
            return irregular;
        }
        if (word.length() <= 2) {
            return stem;
        }
        stem = step1a(stem);
        stem = step1b(stem);
        stem = step1c(stem);
        stem = step2(stem);
        stem = applyRules(stem, STEP_3);
        stem = applyRules(stem, STEP_4);
        stem = step5a(stem);
        return step5b(stem);
    }

    private static String step1a(String word) {
        if (word.endsWith("ies") && word.length() == 4) {
            return replaceSuffix(word, "ies", "ie");
        }
        return applyRules(word, STEP_1A);
    }

    private static String step1b(String word) {
        if (word.endsWith("ied")) {
            return replaceSuffix(word, "ied", word.length() == 4 ? "ie" : "i");
        }
        if (word.endsWith("eed")) {
            String stem = replaceSuffix(word, "eed", "");
            return measure(stem) > 0 ? stem + "ee" : word;
        }
        String intermediate = null;
        for (String suffix : List.of("ed", "ing")) {
            if (word.endsWith(suffix) && containsVowel(replaceSuffix(word, suffix, ""))) {
                intermediate = replaceSuffix(word, suffix, "");
                break;
            }
        }
        if (intermediate == null) {
            return word;
        }
        char last = intermediate.charAt(intermediate.length() - 1);
        return applyRules(intermediate, List.of(
                new Rule("at", "ate", null), new Rule("bl", "ble", null), new Rule("iz", "ize", null),
                new Rule(DOUBLE_CONSONANT, String.valueOf(last), stem -> last != 'l' && last != 's' && last != 'z'),
                new Rule("", "e", stem -> measure(stem) == 1 && endsCvc(stem))));
    }

    private static String step1c(String word) {
        return applyRules(word, List.of(
                new Rule("y", "i", stem -> stem.length() > 1 && isConsonant(stem, stem.length() - 1))));
    }

    private static String step2(String word) {
        // NLTK applies ALLI -> AL first and, when it succeeds, runs step 2 again on the result.
        if (word.endsWith("alli") && measure(replaceSuffix(word, "alli", "")) > 0) {
            return step2(replaceSuffix(word, "alli", "al"));
        }
        return applyRules(word, List.of(
                positive("ational", "ate"), positive("tional", "tion"), positive("enci", "ence"),
                positive("anci", "ance"), positive("izer", "ize"), positive("bli", "ble"), positive("alli", "al"),
                positive("entli", "ent"), positive("eli", "e"), positive("ousli", "ous"), positive("ization", "ize"),
                positive("ation", "ate"), positive("ator", "ate"), positive("alism", "al"),
                positive("iveness", "ive"), positive("fulness", "ful"), positive("ousness", "ous"),
                positive("aliti", "al"), positive("iviti", "ive"), positive("biliti", "ble"),
                positive("fulli", "ful"),
                // The 'l' of 'logi' stays with the stem, so short stems like 'geo' work like 'archaeo'.
                new Rule("logi", "log", stem -> measure(word.substring(0, word.length() - 3)) > 0)));
    }

    private static String step5a(String word) {
        if (word.endsWith("e")) {
            String stem = replaceSuffix(word, "e", "");
            int measure = measure(stem);
            if (measure > 1 || measure == 1 && !endsCvc(stem)) {
                return stem;
            }
        }
        return word;
    }

    private static String step5b(String word) {
        return applyRules(word, List.of(new Rule("ll", "l", stem -> measure(word.substring(0, word.length() - 1)) > 1)));
    }

    /** The first rule whose suffix matches decides, whether or not its condition holds. */
    private static String applyRules(String word, List<Rule> rules) {
        for (Rule rule : rules) {
            if (rule.suffix().equals(DOUBLE_CONSONANT) && endsDoubleConsonant(word)) {
                String stem = word.substring(0, word.length() - 2);
                return holds(rule, stem) ? stem + rule.replacement() : word;
            }
            if (word.endsWith(rule.suffix())) {
                String stem = replaceSuffix(word, rule.suffix(), "");
                return holds(rule, stem) ? stem + rule.replacement() : word;
            }
        }
        return word;
    }

    private static boolean holds(Rule rule, String stem) {
        return rule.condition() == null || rule.condition().test(stem);
    }

    private static Rule positive(String suffix, String replacement) {
        return new Rule(suffix, replacement, stem -> measure(stem) > 0);
    }

    private static Rule measureAbove1(String suffix) {
        return new Rule(suffix, "", stem -> measure(stem) > 1);
    }

    private static String replaceSuffix(String word, String suffix, String replacement) {
        return word.substring(0, word.length() - suffix.length()) + replacement;
    }

    private static boolean isConsonant(String word, int i) {
        char c = word.charAt(i);
        if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') {
            return false;
        }
        if (c == 'y') {
            return i == 0 || !isConsonant(word, i - 1);
        }
        return true;
    }

    /** Porter's m: the number of vowel-consonant sequences. */
    private static int measure(String stem) {
        int count = 0;
        for (int i = 1; i < stem.length(); i++) {
            if (!isConsonant(stem, i - 1) && isConsonant(stem, i)) {
                count++;
            }
        }
        return count;
    }

    private static boolean containsVowel(String stem) {
        for (int i = 0; i < stem.length(); i++) {
            if (!isConsonant(stem, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsDoubleConsonant(String word) {
        int n = word.length();
        return n >= 2 && word.charAt(n - 1) == word.charAt(n - 2) && isConsonant(word, n - 1);
    }

    /** Porter's *o, plus NLTK's extension for two-letter stems (vowel, consonant). */
    private static boolean endsCvc(String word) {
        int n = word.length();
        return n >= 3 && isConsonant(word, n - 3) && !isConsonant(word, n - 2) && isConsonant(word, n - 1)
                && "wxy".indexOf(word.charAt(n - 1)) < 0
                || n == 2 && !isConsonant(word, 0) && isConsonant(word, 1);
    }
}
