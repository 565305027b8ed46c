package newsdesk.evaluate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The German web pages' score (shared/eval README, section 8, trafilatura's own rule): per page a few snippets of
 * the main text that must be kept ("with") and of the page around it that must be left out ("without"), found by a
 * case-sensitive substring test once white space is collapsed to single spaces in both. A kept "with" is a true
 * positive, a lost one a false negative, a kept "without" a false positive; F = 2tp / (2tp + fp + fn) over all pages.
 */
public final class SnippetMatch {

    /** Python's Unicode {@code \s}, which also counts the information separators U+001C to U+001F. */
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\x1c-\\x1f]+", Pattern.UNICODE_CHARACTER_CLASS);

    /** One page's counts. */
    public record Page(int tp, int fp, int fn) {
    }

    public record Score(double f, double precision, double recall, int tp, int fp, int fn) {
    }

    private SnippetMatch() {
    }

    /** A page's counts for the extracted text (null or empty when nothing was extracted). */
    public static Page page(List<String> with, List<String> without, String extracted) {
        String text = normal(extracted == null ? "" : extracted);
        int tp = (int) with.stream().filter(snippet -> text.contains(normal(snippet))).count();
        int fp = (int) without.stream().filter(snippet -> text.contains(normal(snippet))).count();
        return new Page(tp, fp, with.size() - tp);
    }

    public static Score score(List<Page> pages) {
        int tp = pages.stream().mapToInt(Page::tp).sum();
        int fp = pages.stream().mapToInt(Page::fp).sum();
        int fn = pages.stream().mapToInt(Page::fn).sum();
        double f = 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        return new Score(f, tp + fp == 0 ? 0 : (double) tp / (tp + fp), tp + fn == 0 ? 0 : (double) tp / (tp + fn), tp, fp, fn);
    }

    private static String normal(String text) {
        return WHITE_SPACE.matcher(text).replaceAll(" ").strip();
    }
}
