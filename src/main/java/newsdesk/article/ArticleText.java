package newsdesk.article;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An article's text as lines, blank lines kept, so a translation can keep the paragraph layout.
 * Each non-blank line is one paragraph; when {@code hasTitle} is set the first one is the title.
 */
public record ArticleText(List<String> lines, boolean hasTitle) {

    public ArticleText {
        lines = List.copyOf(lines);
    }

    /** The non-blank lines, title first when there is one. */
    public List<String> paragraphs() {
        return lines.stream().filter(line -> !line.isBlank()).toList();
    }

    public String title() {
        return hasTitle ? paragraphs().get(0) : null;
    }

    /** The paragraphs after the title, one per line. */
    public String body() {
        List<String> paragraphs = paragraphs();
        return String.join("\n", paragraphs.subList(hasTitle ? 1 : 0, paragraphs.size()));
    }

    /** The whole text with the original line layout. */
    public String text() {
        return String.join("\n", lines);
    }

    /** The same layout with every paragraph replaced, e.g. by its translation. */
    public ArticleText mapParagraphs(UnaryOperator<String> change) {
        return new ArticleText(lines.stream().map(line -> line.isBlank() ? line : change.apply(line)).toList(), hasTitle);
    }
}
