package newsdesk.summarize;

import java.util.ArrayList;
import java.util.List;

/**
 * A quotation in a paragraph, from its opening to its closing mark. Understands German „…“ and »…«,
 * English “…” and straight "…". A mark that never closes within the paragraph makes no quotation, so
 * a stray quote cannot glue the rest of a paragraph into one sentence.
 */
record Quotation(int open, int close) {

    boolean encloses(int position) {
        return open < position && position < close;
    }

    static List<Quotation> find(String paragraph) {
        List<Quotation> quotations = new ArrayList<>();
        char opener = 0;
        int openedAt = -1;
        for (int i = 0; i < paragraph.length(); i++) {
            char c = paragraph.charAt(i);
            if (opener == 0) {
                if (opens(c, paragraph, i)) {
                    opener = c;
                    openedAt = i;
                }
            } else if (closes(opener, c)) {
                quotations.add(new Quotation(openedAt, i));
                opener = 0;
            }
        }
        return quotations;
    }

    private static boolean opens(char c, String text, int at) {
        return switch (c) {
            case '„', '“', '»', '«' -> true;
            // A straight quote opens only at the start of a word: not in 6" or after a letter.
            case '"' -> at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)) && !isClosingPunctuation(text.charAt(at - 1));
            default -> false;
        };
    }

    private static boolean isClosingPunctuation(char c) {
        return c == '.' || c == ',' || c == '!' || c == '?';
    }

    private static boolean closes(char opener, char c) {
        return switch (opener) {
            case '„' -> c == '“' || c == '”';
            case '“' -> c == '”' || c == '“';
            case '»' -> c == '«';
            case '«' -> c == '»';
            default -> c == '"';
        };
    }
}
