package newsdesk.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * rouge-score's tokenizer: lower-case, every run of characters outside [a-z0-9] separates tokens
 * (so umlauts, "£" and "-" split words), and tokens longer than 3 characters are Porter-stemmed.
 */
public final class RougeTokenizer {

    private RougeTokenizer() {
    }

    public static List<String> tokens(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean alphanumeric = i < lower.length() && isAsciiAlphanumeric(lower.charAt(i));
            if (alphanumeric && start < 0) {
                start = i;
            } else if (!alphanumeric && start >= 0) {
                String token = lower.substring(start, i);
                tokens.add(token.length() > 3 ? PorterStemmer.stem(token) : token);
                start = -1;
            }
        }
        return tokens;
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
