package newsdesk.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsdesk.article.Article;

/**
 * {@code numbers-changed}: a number, amount, percentage, time or date of the German original has no
 * counterpart in the English translation. Numbers are compared by value, so the English way of
 * writing them passes: {@code 1.234,5} → {@code 1,234.5}, {@code 3,5 %} → {@code 3.5%}, {@code 12. März}
 * → {@code March 12}, {@code 20 Uhr} → {@code 8 p.m.}, {@code 2,5 Milliarden} → {@code 2.5 billion} or
 * {@code 2,500,000,000}. A number kept exactly as written also counts. Number words in the original
 * ("zwei") are not looked at.
 */
public class NumbersCheck implements TranslationCheck {

    /** A run of digits with the separators inside it: 1.234,5 or 12.03.2024 or 3. */
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern GERMAN_GROUPED = Pattern.compile("\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?");
    private static final Pattern GERMAN_PLAIN = Pattern.compile("\\d+(?:,\\d+)?");
    private static final Pattern ENGLISH_GROUPED = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
    private static final Pattern ENGLISH_PLAIN = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})?");

    private static final String GERMAN_MONTHS = "Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August"
            + "|September|Oktober|November|Dezember";
    /** 12. März, 1. Jänner 2024: the day and the month each need their counterpart. */
    private static final Pattern GERMAN_DATE = Pattern.compile("\\b(\\d{1,2})\\.\\s*(" + GERMAN_MONTHS + ")\\b");
    /** 20 Uhr, 14.30 Uhr, 9:15 Uhr: the hour may become 8 p.m. */
    private static final Pattern GERMAN_TIME = Pattern.compile("\\b(\\d{1,2})(?:[.:](\\d{2}))?\\s*Uhr\\b");
    private static final Pattern GERMAN_SCALE = Pattern.compile("\\s*(Millionen|Million|Mio\\.?|Milliarden|Milliarde|Mrd\\.?|Billionen)");
    private static final Pattern ENGLISH_SCALE = Pattern.compile("\\s*(million|mn|m\\b|billion|bn|trillion)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_NAME = Pattern.compile("\\b(" + GERMAN_MONTHS
            + "|January|February|March|May|June|July|October|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\b");
    private static final Pattern NUMBER_WORD = Pattern.compile("\\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> ENGLISH_NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve");
    private static final Map<String, Integer> MONTHS = months();

    @Override
    public String flag() {
        return "numbers-changed";
    }

    @Override
    public Optional<String> problem(Article article) {
        // Counted, so a number said twice in the original needs saying twice: one of two 2015s changed to 2016 shows.
        // Each fact takes its value as written first, and only then another form, so "18 Uhr" read as 6 p.m. does not
        // take the 6 of "6 Prozent" where the translation keeps both as written.
        Map<String, Integer> found = valuesIn(article.translation().text().text());
        List<Fact> unmatched = new ArrayList<>();
        for (Fact fact : factsIn(article.original().text())) {
            if (!take(found, fact.alternatives().subList(0, 1))) {
                unmatched.add(fact);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Fact fact : unmatched) {
            if (!take(found, fact.alternatives())) {
                missing.add(fact.asWritten());
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("no counterpart in the translation for " + String.join(", ", missing.stream().distinct().toList()));
    }

    /** Takes one of the first of these values the translation still has; false when it has none. */
    private static boolean take(Map<String, Integer> found, List<String> values) {
        Optional<String> match = values.stream().filter(value -> found.getOrDefault(value, 0) > 0).findFirst();
        match.ifPresent(value -> found.merge(value, -1, Integer::sum));
        return match.isPresent();
    }

    /** Something in the original the translation must say too, in any of these forms (values as {@link #key}), the value as written first. */
    record Fact(String asWritten, List<String> alternatives) {
        Fact {
            alternatives = List.copyOf(new LinkedHashSet<>(alternatives));
        }
    }

    /** The original's numbers, read the German way. Times and dates first; their digits are not read again. */
    static List<Fact> factsIn(String german) {
        List<Fact> facts = new ArrayList<>();
        StringBuilder rest = new StringBuilder(german);
        Matcher time = GERMAN_TIME.matcher(german);
        while (time.find()) {
            int hour = Integer.parseInt(time.group(1));
            List<String> hours = new ArrayList<>(List.of(key(hour)));
            if (hour > 12) {
                hours.add(key(hour - 12));
            } else if (hour == 0 || hour == 24) {
                hours.add("12");
            }
            facts.add(new Fact(time.group(), hours));
            if (time.group(2) != null && Integer.parseInt(time.group(2)) != 0) {
                facts.add(new Fact(time.group(), List.of(key(Integer.parseInt(time.group(2))))));
            }
            blank(rest, time.start(), time.end());
        }
        Matcher date = GERMAN_DATE.matcher(german);
        while (date.find()) {
            facts.add(new Fact(date.group(), List.of(key(Integer.parseInt(date.group(1))))));
            facts.add(new Fact(date.group(), List.of(month(MONTHS.get(date.group(2).toLowerCase(Locale.ROOT))))));
            blank(rest, date.start(), date.start() + date.group(1).length() + 1);
        }
        Matcher number = NUMBER.matcher(rest);
        while (number.find()) {
            String token = number.group();
            Matcher numericDate = NUMERIC_DATE.matcher(token);
            if (numericDate.matches() && Integer.parseInt(numericDate.group(2)) <= 12 && numericDate.group(3) != null) {
                facts.add(new Fact(token, List.of(key(Integer.parseInt(numericDate.group(1))))));
                int month = Integer.parseInt(numericDate.group(2));
                facts.add(new Fact(token, List.of(key(month), month(month))));  // 3/12/2024 or March 12, 2024
                facts.add(new Fact(token, List.of(key(Integer.parseInt(numericDate.group(3))))));
                continue;
            }
            BigDecimal value = germanValue(token);
            if (value == null) {
                // Neither a German number nor a date (a version, an address): kept as written.
                facts.add(new Fact(token, List.of(token)));
                continue;
            }
            List<String> alternatives = new ArrayList<>(List.of(key(value), token));
            Matcher scale = GERMAN_SCALE.matcher(rest).region(number.end(), rest.length());
            if (scale.lookingAt()) {
                alternatives.add(key(value.multiply(germanScale(scale.group(1)))));
            }
            facts.add(new Fact(token, alternatives));
        }
        return facts;
    }

    /**
     * Every value the translation holds, with how often: each number read the English and the German way
     * and in its parts (3/12/2024 or 2:30 are several numbers anyway).
     */
    static Map<String, Integer> valuesIn(String english) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher number = NUMBER.matcher(english);
        while (number.find()) {
            Set<String> values = new HashSet<>();
            String token = number.group();
            values.add(token);
            BigDecimal value = englishValue(token);
            for (BigDecimal read : new BigDecimal[] {value, germanValue(token)}) {
                if (read != null) {
                    values.add(key(read));
                }
            }
            for (String part : token.split("[.,]")) {
                values.add(key(new BigDecimal(part)));
            }
            Matcher scale = ENGLISH_SCALE.matcher(english).region(number.end(), english.length());
            if (value != null && scale.lookingAt()) {
                values.add(key(value.multiply(englishScale(scale.group(1)))));
            }
            values.forEach(read -> counts.merge(read, 1, Integer::sum));
        }
        Matcher monthName = MONTH_NAME.matcher(english);
        while (monthName.find()) {
            counts.merge(month(MONTHS.get(monthName.group(1).toLowerCase(Locale.ROOT))), 1, Integer::sum);
        }
        Matcher word = NUMBER_WORD.matcher(english);
        while (word.find()) {
            counts.merge(key(ENGLISH_NUMBER_WORDS.indexOf(word.group(1).toLowerCase(Locale.ROOT))), 1, Integer::sum);
        }
        return counts;
    }

    private static BigDecimal germanValue(String token) {
        if (GERMAN_GROUPED.matcher(token).matches() || GERMAN_PLAIN.matcher(token).matches()) {
            return new BigDecimal(token.replace(".", "").replace(',', '.'));
        }
        return null;
    }

    private static BigDecimal englishValue(String token) {
        if (ENGLISH_GROUPED.matcher(token).matches() || ENGLISH_PLAIN.matcher(token).matches()) {
            return new BigDecimal(token.replace(",", ""));
        }
        return null;
    }

    private static BigDecimal germanScale(String word) {
        return word.startsWith("Milliard") || word.startsWith("Mrd") ? BigDecimal.TEN.pow(9)
                : word.startsWith("Billion") ? BigDecimal.TEN.pow(12) : BigDecimal.TEN.pow(6);
    }

    private static BigDecimal englishScale(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.startsWith("b") ? BigDecimal.TEN.pow(9) : lower.startsWith("t") ? BigDecimal.TEN.pow(12) : BigDecimal.TEN.pow(6);
    }

    private static String key(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String key(int value) {
        return Integer.toString(value);
    }

    private static String month(int month) {
        return "month:" + month;
    }

    private static void blank(StringBuilder text, int from, int to) {
        for (int i = from; i < to; i++) {
            text.setCharAt(i, ' ');
        }
    }

    /** Month names, German and English, full and short, lower case, with their numbers. */
    private static Map<String, Integer> months() {
        String[][] names = {
            {"januar", "jänner", "january", "jan"}, {"februar", "feber", "february", "feb"}, {"märz", "march", "mar"},
            {"april", "apr"}, {"mai", "may"}, {"juni", "june", "jun"}, {"juli", "july", "jul"}, {"august", "aug"},
            {"september", "sept", "sep"}, {"oktober", "october", "oct"}, {"november", "nov"}, {"dezember", "december", "dec"}};
        Map<String, Integer> months = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                months.put(name, i + 1);
            }
        }
        return Map.copyOf(months);
    }
}
