package newsdesk.summarize;

import java.util.Arrays;
import java.util.List;

/**
 * What the learned scorer knows about each candidate sentence: where it stands, how long it is, how
 * central it is, how much it repeats what came before, and a few surface marks (quotes, numbers, names).
 * Everything but {@link #CAPITALS} is language-independent; German capitalises every noun, so there
 * that feature is unknown (NaN) and the scorer uses its training mean instead.
 */
final class SentenceFeatures {

    static final List<String> NAMES = List.of(
            "first", "second", "third", "fourth", "fifth", "log_position", "relative_position",
            "log_words", "short", "long", "content_share",
            "textrank_share", "lexrank", "centroid_similarity", "lead_similarity", "earlier_similarity",
            "quote", "opens_with_quote", "number", "capitals", "question_or_colon", "parenthesis", "log_sentences", "relative_words");
    static final int COUNT = NAMES.size();
    static final int CAPITALS = NAMES.indexOf("capitals");

    private SentenceFeatures() {
    }

    /** One row of {@link #NAMES} per candidate, plus the tf-idf cosines the selection reuses. */
    record Table(double[][] rows, double[][] cosine) {
    }

    static Table of(Candidates candidates) {
        int n = candidates.size();
        TermIndex index = new TermIndex(candidates.terms());
        TermVectors vectors = new TermVectors(index);
        double[][] cosine = vectors.cosineMatrix();
        double[] lexRank = PageRank.scores(cosine);
        double maxLexRank = Arrays.stream(lexRank).max().orElse(1);
        double[] textRankShare = CentralityRanking.rankShares(TextRank.scores(index));
        double[] centroid = vectors.centroidCosines();
        double[][] rows = new double[n][];
        double meanWords = candidates.texts().stream().mapToInt(SentenceFeatures::words).average().orElse(1);
        double earlier;
        for (int i = 0; i < n; i++) {
            String text = candidates.texts().get(i);
            int words = words(text);
            double[] row = new double[COUNT];
            for (int slot = 0; slot < 5; slot++) {
                row[slot] = i == slot ? 1 : 0;
            }
            row[5] = Math.log(1 + i);
            row[6] = (double) i / n;
            row[7] = Math.log(1 + words);
            row[8] = Math.max(0, 8 - words) / 8.0;
            row[9] = Math.max(0, words - 40) / 40.0;
            row[10] = words == 0 ? 0 : Math.min(1, (double) index.length(i) / words);
            row[11] = textRankShare[i];
            row[12] = maxLexRank > 0 ? lexRank[i] / maxLexRank : 0;
            row[13] = centroid[i];
            row[14] = i == 0 ? 1 : cosine[0][i];
            earlier = 0;
            for (int j = 0; j < i; j++) {
                earlier = Math.max(earlier, cosine[i][j]);
            }
            row[15] = earlier;
            row[16] = hasAny(text, "\"“”„«»") ? 1 : 0;
            row[17] = !text.isEmpty() && "\"“„«»'‘".indexOf(text.charAt(0)) >= 0 ? 1 : 0;
            row[18] = text.chars().anyMatch(Character::isDigit) ? 1 : 0;
            row[19] = candidates.language() == Language.EN ? capitalShare(text) : Double.NaN;
            row[20] = text.endsWith("?") || text.endsWith(":") ? 1 : 0;
            row[21] = text.indexOf('(') >= 0 ? 1 : 0;
            row[22] = Math.log(n);
            row[23] = meanWords > 0 ? words / meanWords : 0;
            rows[i] = row;
        }
        return new Table(rows, cosine);
    }

    private static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    private static boolean hasAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Share of the words after the first that start with a capital letter: names, places, organisations. */
    private static double capitalShare(String text) {
        int words = 0;
        int capitals = 0;
        boolean wordStart = true;
        boolean first = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                wordStart = true;
            } else if (wordStart && Character.isLetter(c)) {
                wordStart = false;
                if (first) {
                    first = false;
                    continue;
                }
                words++;
                if (Character.isUpperCase(c)) {
                    capitals++;
                }
            } else if (wordStart && !isOpening(c)) {
                wordStart = false;
            }
        }
        return words == 0 ? 0 : (double) capitals / words;
    }

    private static boolean isOpening(char c) {
        return "\"“„«'‘(".indexOf(c) >= 0;
    }
}
