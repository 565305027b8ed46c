package newsdesk.summarize;

import java.util.Arrays;
import java.util.List;
import newsdesk.article.Article;

// Lead-N stand-in so the pipeline runs end to end; replaced by the ranking summarizer (issue 6 branch).
public class ExtractiveSummarizer {
    private final int sentences;
    public ExtractiveSummarizer(int sentences, int maxChars) { this.sentences = sentences; }
    public List<String> summarize(String title, String body, String language) {
        return Arrays.stream(body.split("(?<=[.!?])\\s+")).limit(sentences).toList();
    }
    public Article summarize(Article a) {
        return a.withSummary(summarize(a.translation().text().title(), a.translation().text().body(), "en"));
    }
}
