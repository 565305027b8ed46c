package newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import newsdesk.PoisonFiles;
import newsdesk.article.Article;
import org.junit.jupiter.api.Test;

/** The readers at the service's default limits against files built to overflow a parser's stack or to be billed for what is not text. */
class ReadLimitsTest {

    private static final String TOO_DEEP = "deeper than the limit of 256 levels (newsdesk.inbox.max-depth)";
    private final ArticleReader reader = new ArticleReader("DE", new ReadLimits(2_097_152, 2_000_000, 256));

    @Test
    void deepFrontMatterIsRefusedWithAReason() {
        assertThatThrownBy(() -> reader.read(PoisonFiles.deepFrontMatter(), "deep.md")).hasMessageContaining(TOO_DEEP);
    }

    @Test
    void deepNitfIsRefusedWithAReason() {
        assertThatThrownBy(() -> reader.read(PoisonFiles.deepNitf(), "deep.xml")).hasMessageContaining(TOO_DEEP);
    }

    @Test
    void deepJsonHtmlAndMarkdownAreRefusedAtTheSameLimit() {
        assertThatThrownBy(() -> reader.read(utf8("{\"title\": \"T\", \"text\": \"Ein Satz.\", \"x\": " + "[".repeat(300) + "]".repeat(300) + "}"),
                "deep.json")).hasMessageContaining(TOO_DEEP);
        assertThatThrownBy(() -> reader.read(utf8("<html><body>" + "<div>".repeat(100_000) + "<p>Ein Satz.</p></body></html>"), "deep.html"))
                .hasMessageContaining(TOO_DEEP);
        assertThatThrownBy(() -> reader.read(utf8("- ".repeat(20_000) + "Ein Satz.\n"), "deep.md")).hasMessageContaining(TOO_DEEP);
    }

    @Test
    void nestingWithinTheLimitIsRead() throws Exception {
        Article quoted = reader.read(utf8("> ".repeat(200) + "Die Regierung hat beraten.\n"), "quoted.md");
        assertThat(quoted.original().paragraphs()).containsExactly("Die Regierung hat beraten.");
        Article page = reader.read(utf8("<html><body>" + "<div>".repeat(200) + "<p>Die Regierung hat am Montag beraten, sagte er.</p>"
                + "</div>".repeat(200) + "</body></html>"), "page.html");
        assertThat(page.original().paragraphs()).containsExactly("Die Regierung hat am Montag beraten, sagte er.");
    }

    @Test
    void quoteMarkersAreNeverText() {
        assertThatThrownBy(() -> reader.read(PoisonFiles.quotedMarkdown(), "quoted.md")).hasMessageContaining(TOO_DEEP);
    }

    @Test
    void entitiesCountTowardsTheTextLimit() {
        assertThatThrownBy(() -> reader.read(PoisonFiles.entityText(), "entities.xml"))
                .hasMessageContaining("the limit of 2000000 characters (newsdesk.inbox.max-text-chars)");
        assertThatThrownBy(() -> reader.read(PoisonFiles.entityMegabytes(), "entities.xml"))
                .hasMessageContaining("newsdesk.inbox.max-text-chars");
    }

    @Test
    void textLimitCountsTheTextReadNotTheBytes() throws Exception {
        ArticleReader small = new ArticleReader("DE", new ReadLimits(2_097_152, 100, 256));
        byte[] markup = utf8("<nitf><body><body.content><p>" + "<em>Rat</em> ".repeat(20) + "</p></body.content></body></nitf>");
        assertThat(markup.length).isGreaterThan(200);
        assertThat(small.read(markup, "markup.xml").original().paragraphs()).hasSize(1);
        assertThatThrownBy(() -> small.read(utf8("Titel\n\n" + "Ein Satz. ".repeat(11)), "a.txt"))
                .hasMessageContaining("has 114 characters, more than the limit of 100 characters (newsdesk.inbox.max-text-chars)");
    }

    @Test
    void longMetadataIsCutAndOnlyWebAddressesAreKept() throws Exception {
        String headline = "Schlagzeile ".repeat(150_000);
        Article article = reader.read(utf8("{\"headline\": \"" + headline + "\", \"uri\": \"javascript:alert(4)\", \"body_text\": \"Ein Satz.\"}"),
                "long.json");
        assertThat(article.original().title()).hasSize(1000).endsWith("…");
        assertThat(article.source().metadata().headline()).hasSize(1000);
        assertThat(article.source().metadata().url()).isNull();
        Article linked = reader.read(utf8("{\"headline\": \"T\", \"uri\": \"https://example.org/a\", \"body_text\": \"Ein Satz.\"}"), "l.json");
        assertThat(linked.source().metadata().url()).isEqualTo("https://example.org/a");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
