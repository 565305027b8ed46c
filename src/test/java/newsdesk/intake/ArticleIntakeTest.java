package newsdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIntakeTest {

    private static final String ID = "9ce13e27bf4fe3efdf2621e8f10c5895b8c52b5d302331cd48c81e5bff87cf09";

    @Test
    void namesTheFileFromTheRequestKeepingOnlyItsLastPartAndTheExtensionOfItsType() {
        assertThat(ArticleIntake.fileName("artikel.txt", null, ID, ".txt")).isEqualTo("artikel.txt");
        assertThat(ArticleIntake.fileName("artikel", null, ID, ".html")).isEqualTo("artikel.html");
        assertThat(ArticleIntake.fileName("artikel.txt.gz", null, ID, ".txt.gz")).isEqualTo("artikel.txt.gz");
        assertThat(ArticleIntake.fileName(null, "attachment; filename=\"Brücke neu.md\"", ID, ".md")).isEqualTo("Brücke neu.md");
        assertThat(ArticleIntake.fileName("../../etc/passwd", null, ID, ".txt")).isEqualTo("passwd.txt");
        assertThat(ArticleIntake.fileName("..\\..\\x.txt", null, ID, ".txt")).isEqualTo("x.txt");
        assertThat(ArticleIntake.fileName(".hidden.txt", null, ID, ".txt")).isEqualTo("hidden.txt");
        assertThat(ArticleIntake.fileName("a.v2.txt", null, ID, ".txt")).isEqualTo("a_v2.txt");
        assertThat(ArticleIntake.fileName("<script>", null, ID, ".txt")).isEqualTo("_script_.txt");
        assertThat(ArticleIntake.fileName(null, null, ID, ".xml")).isEqualTo("9ce13e27bf4fe3ef.xml");
        assertThat(ArticleIntake.fileName("...", null, ID, ".txt")).isEqualTo("9ce13e27bf4fe3ef.txt");
        assertThat(ArticleIntake.fileName("x".repeat(300), null, ID, ".txt")).hasSize(104);
    }

    @Test
    void takesArticlesFromPagesOfItsOwnSiteOnly() {
        assertThat(ArticleIntake.sameOrigin("http://127.0.0.1:9876", "127.0.0.1:9876")).isTrue();
        assertThat(ArticleIntake.sameOrigin("https://Newsdesk.example.org", "newsdesk.example.org")).isTrue();
        assertThat(ArticleIntake.sameOrigin("http://evil.example", "127.0.0.1:9876")).isFalse();
        assertThat(ArticleIntake.sameOrigin("null", "127.0.0.1:9876")).isFalse();
        assertThat(ArticleIntake.sameOrigin("http://127.0.0.1:9876", null)).isFalse();
    }
}
