package newsdesk.glossary;

import java.util.Locale;
import java.util.regex.Pattern;

/** Language codes as glossaries use them: upper case, without the variant DeepL ignores for glossaries. */
final class GlossaryLanguages {

    private static final Pattern CODE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z]{2,4})?");

    private GlossaryLanguages() {
    }

    static boolean wellFormed(String code) {
        return code != null && CODE.matcher(code.strip()).matches();
    }

    /** "en-US" → "EN". */
    static String base(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT).split("-")[0];
    }
}
