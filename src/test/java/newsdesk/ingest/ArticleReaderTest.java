package newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import newsdesk.FormatSamples;
import newsdesk.article.Article;
import org.junit.jupiter.api.Test;

class ArticleReaderTest {

    private final ArticleReader reader = new ArticleReader("DE", new ReadLimits(1000, Long.MAX_VALUE, 256));

    @Test
    void readsUtf8WithBomAndCrlfKeepingBlankLines() throws Exception {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "Putin trifft Tokajew\r\n\r\nEin Satz über Größe.\r\nNoch einer.\r\n".getBytes(StandardCharsets.UTF_8));

        Article article = reader.read(bytes, "a.txt");

        assertThat(article.original().lines()).containsExactly("Putin trifft Tokajew", "", "Ein Satz über Größe.", "Noch einer.");
        assertThat(article.original().title()).isEqualTo("Putin trifft Tokajew");
        assertThat(article.original().body()).isEqualTo("Ein Satz über Größe.\nNoch einer.");
        assertThat(article.source().encoding()).isEqualTo("UTF-8");
        assertThat(article.id()).hasSize(64).isEqualTo(article.source().sha256());
        assertThat(article.sourceLanguage()).isEqualTo("DE");
    }

    @Test
    void detectsWindows1252() throws Exception {
        byte[] bytes = "Grüße aus Köln – „Zitat“\nDer Text.".getBytes(Charset.forName("windows-1252"));

        Article article = reader.read(bytes, "a.txt");

        assertThat(article.original().text()).isEqualTo("Grüße aus Köln – „Zitat“\nDer Text.");
        assertThat(article.source().encoding()).isEqualTo("windows-1252");
    }

    @Test
    void aFirstLineEndingLikeASentenceIsNoTitle() throws Exception {
        Article article = reader.read("Der Präsident sprach am Montag.\nDann ging er.".getBytes(StandardCharsets.UTF_8), "a.txt");

        assertThat(article.original().title()).isNull();
        assertThat(article.original().body()).isEqualTo("Der Präsident sprach am Montag.\nDann ging er.");
    }

    @Test
    void rejectsEmptyWhitespaceBinaryAndOversizedFiles() {
        assertThatThrownBy(() -> reader.read(new byte[0], "a.txt")).hasMessage("The file is empty.");
        assertThatThrownBy(() -> reader.read(" \n\t\r\n".getBytes(StandardCharsets.UTF_8), "a.txt"))
                .hasMessage("The file holds only white space.");
        assertThatThrownBy(() -> reader.read(new byte[] {'P', 'K', 3, 4, 0, 0, 1}, "a.txt"))
                .isInstanceOf(UnprocessableArticleException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> reader.read(new byte[1001], "a.txt"))
                .hasMessageContaining("more than the limit of 1000");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
    @Test
    void readsAGzippedPageLikeThePageAndRefusesAGzipBombAndBrokenGzip() throws Exception {
        byte[] page = "<html><body><p>Ein Artikel über die Straße.</p></body></html>".getBytes(StandardCharsets.UTF_8);

        Article article = reader.read(FormatSamples.gzip(page), "seite.HTML.gz");

        assertThat(article.source().format()).isEqualTo("html");
        assertThat(article.original().paragraphs()).containsExactly("Ein Artikel über die Straße.");
        assertThat(article.source().bytes()).isEqualTo(FormatSamples.gzip(page).length);
        assertThatThrownBy(() -> reader.read(FormatSamples.gzip(new byte[5000]), "bombe.txt.gz"))
                .isInstanceOf(UnprocessableArticleException.class).hasMessageContaining("unpacks to more than the limit of 1000 bytes");
        assertThatThrownBy(() -> reader.read("kein gzip".getBytes(StandardCharsets.UTF_8), "kaputt.txt.gz"))
                .isInstanceOf(UnprocessableArticleException.class).hasMessageContaining("not valid gzip");
    }

    @Test
    void aPageIsReadInTheCharsetItDeclaresUnlessItsBytesAreUtf8() throws Exception {
        String page = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Grüße aus Köln.</p></body></html>";

        Article declared = reader.read(page.getBytes(Charset.forName("windows-1252")), "a.html");
        Article wronglyDeclared = reader.read(page.getBytes(StandardCharsets.UTF_8), "b.html");

        assertThat(declared.source().encoding()).isEqualTo("windows-1252");
        assertThat(declared.original().paragraphs()).containsExactly("Grüße aus Köln.");
        assertThat(wronglyDeclared.source().encoding()).isEqualTo("UTF-8");
        assertThat(wronglyDeclared.original().paragraphs()).containsExactly("Grüße aus Köln.");
    }

    @Test
    void anExtensionNewsdeskDoesNotReadIsRefusedNamingTheOnesItReads() {
        assertThatThrownBy(() -> reader.read("Text".getBytes(StandardCharsets.UTF_8), "bericht.pdf"))
                .isInstanceOf(UnprocessableArticleException.class)
                .hasMessage("Newsdesk does not read .pdf files; it reads .htm, .html, .json, .markdown, .md, .txt, .xml and a .gz of any of them.");
    }

    @Test
    void aReasonFromAParserEndsAsASentence() {
        assertThatThrownBy(() -> reader.read("{\"title\": ".getBytes(StandardCharsets.UTF_8), "a.json"))
                .isInstanceOf(UnprocessableArticleException.class).message().endsWith(".");
    }
}
