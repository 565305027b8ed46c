package newsdesk.check;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a translator does to German numbers that the DeepL simulator does not: writes them the English
 * way ({@code 1.234,5} → {@code 1,234.5}, {@code 3,5 %} → {@code 3.5%}, {@code 12. März} → {@code March 12},
 * {@code 20 Uhr} → {@code 8 p.m.}, {@code 12.03.2024} → {@code 3/12/2024}). Applied to the simulator's
 * output in the evaluation, so the false-flag rate of numbers-changed is measured on translations that
 * keep every number but not its German form. Written as text rewriting, independently of how
 * {@link NumbersCheck} reads numbers.
 */
final class EnglishNumberStandIn {

    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");
    private static final List<String> GERMAN_MONTHS = List.of("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
            "August", "September", "Oktober", "November", "Dezember");

    private static final Pattern TIME = Pattern.compile("\\b(\\d{1,2})(?:[.:](\\d{2}))?\\s*Uhr\\b");
    private static final Pattern DATE = Pattern.compile("\\b(\\d{1,2})\\.\\s*(" + String.join("|", GERMAN_MONTHS) + "|Jänner)\\b");
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern GERMAN_NUMBER = Pattern.compile("\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+,\\d+");
    private static final Pattern PERCENT = Pattern.compile("(\\d)\\s+%");

    private EnglishNumberStandIn() {
    }

    static String apply(String text) {
        text = replace(TIME, text, m -> {
            int hour = Integer.parseInt(m.group(1));
            String minutes = m.group(2) == null ? "" : ":" + m.group(2);
            return (hour > 12 ? hour - 12 : hour) + minutes + (hour >= 12 ? " p.m." : " a.m.");
        });
        text = replace(DATE, text, m -> {
            int month = m.group(2).equals("Jänner") ? 0 : GERMAN_MONTHS.indexOf(m.group(2));
            return MONTHS.get(month) + " " + Integer.parseInt(m.group(1));
        });
        text = replace(NUMERIC_DATE, text, m -> Integer.parseInt(m.group(2)) + "/" + Integer.parseInt(m.group(1)) + "/" + m.group(3));
        // Swaps the German separators: 1.234,5 -> 1,234.5 (a 3.5 or 2015 is left as it is).
        text = replace(NUMBER, text, m -> GERMAN_NUMBER.matcher(m.group()).matches()
                ? m.group().replace('.', '_').replace(',', '.').replace('_', ',') : m.group());
        return replace(PERCENT, text, m -> m.group(1) + "%");
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> change) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(change.apply(m)));
        }
        return m.appendTail(out).toString();
    }
}
