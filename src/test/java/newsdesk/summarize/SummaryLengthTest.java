package newsdesk.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryLengthTest {

    @Test
    void withoutARatioTheCountIsFixed() {
        SummaryLength length = SummaryLength.fixed(3);

        assertThat(length.count(5)).isEqualTo(3);
        assertThat(length.count(80)).isEqualTo(3);
    }

    @Test
    void theRatioFollowsTheArticleWithinMinAndMax() {
        SummaryLength length = new SummaryLength(3, 0.25, 2, 6);

        assertThat(length.count(4)).isEqualTo(2);   // 1 -> min
        assertThat(length.count(12)).isEqualTo(3);  // 3
        assertThat(length.count(18)).isEqualTo(5);  // 4.5 rounds up
        assertThat(length.count(100)).isEqualTo(6); // 25 -> max
    }

    @Test
    void aLongArticleGetsALongerSummary() {
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer(new SummaryLength(3, 0.2, 3, 8), 0, SummaryMethod.DEFAULT);

        assertThat(summarizer.summarize(null, article(10), "en")).hasSize(3);
        assertThat(summarizer.summarize(null, article(30), "en")).hasSize(6);
        assertThat(summarizer.summarize(null, article(80), "en")).hasSize(8);
    }

    @Test
    void rejectsImpossibleRules() {
        assertThatThrownBy(() -> new SummaryLength(0, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SummaryLength(3, 1.5, 1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SummaryLength(3, 0.3, 0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SummaryLength(3, 0.3, 6, 5)).hasMessageContaining("ratio-max");
    }

    private static String article(int sentences) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < sentences; i++) {
            lines.add("Report " + i + " says the council in district " + (char) ('A' + i % 26)
                    + " approved money for schools, roads and a harbour.");
        }
        return String.join("\n", lines);
    }
}
