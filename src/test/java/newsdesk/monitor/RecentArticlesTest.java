package newsdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.time.Duration;
import java.time.Instant;
import newsdesk.MutableClock;
import newsdesk.ingest.UnprocessableArticleException;
import org.junit.jupiter.api.Test;

class RecentArticlesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T23:59:00Z"));

    @Test
    void keepsTheLatestArticlesNewestFirstWithTheirResults() throws Exception {
        RecentArticles recent = new RecentArticles(2, clock);
        for (int i = 1; i <= 3; i++) {
            recent.delivered("default", result("id-" + i, "Titel " + i));
        }
        recent.delivered("sport", result("id-sport", "Tor"));

        assertThat(recent.latest("default", 10)).extracting(RecentArticles.Delivered::id).containsExactly("id-3");
        assertThat(recent.latest("sport", 10)).singleElement().satisfies(article -> {
            assertThat(article.originalTitle()).isEqualTo("Tor");
            assertThat(article.title()).isEqualTo("Goal");
            assertThat(article.flags()).containsExactly("numbers-changed");
            assertThat(article.billedCharacters()).isEqualTo(42);
            assertThat(article.durationMs()).isEqualTo(7);
            assertThat(article.deliveredAt()).isEqualTo("2026-03-01T23:59:00Z");
        });
        assertThat(recent.find("id-3").map(RecentArticles.Delivered::result)).hasValue(result("id-3", "Titel 3"));
        assertThat(recent.find("id-1")).as("no longer among the latest two").isEmpty();
    }

    @Test
    void countsEachDesksDayInUtcAndKeepsTheReasonsOfRejectedFiles() throws Exception {
        RecentArticles recent = new RecentArticles(5, clock);
        recent.delivered("default", result("a", "A"));
        recent.rejected("sport", "leer.txt", new UnprocessableArticleException("The file is empty."));

        assertThat(recent.today(List.of("default"))).containsExactly(new RecentArticles.Today("default", 1, 0),
                new RecentArticles.Today("sport", 0, 1));
        assertThat(recent.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.file()).isEqualTo("leer.txt");
            assertThat(rejected.reason()).isEqualTo("The file is empty.");
            assertThat(rejected.desk()).isEqualTo("sport");
        });

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(recent.today(List.of("default"))).as("a new UTC day").containsExactly(new RecentArticles.Today("default", 0, 0));
        assertThat(recent.rejected()).as("the latest rejected files stay listed").hasSize(1);
    }

    private static String result(String id, String title) {
        return "{\"id\":\"" + id + "\",\"source\":{\"file\":\"" + id + ".txt\",\"title\":\"" + title + "\"},"
                + "\"title\":\"" + (title.equals("Tor") ? "Goal" : title) + "\",\"summary\":{\"text\":\"S.\"},"
                + "\"flags\":[\"numbers-changed\"],\"translation\":{\"billedCharacters\":42},\"processing\":{\"durationMs\":7}}";
    }
}
