package newsdesk.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import newsdesk.ingest.ReadLimits;
import newsdesk.ingest.UnprocessableArticleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlReadersTest {

    private static final String NITF_BODY = "<body><body.head><hedline><hl1>Titel</hl1></hedline></body.head>"
            + "<body.content><p>Ein Satz im Artikel.</p></body.content></body>";

    private final FormatRegistry registry = new FormatRegistry(new ReadLimits(Long.MAX_VALUE, Long.MAX_VALUE, 256));

    @Test
    void readsNitfWithItsHeadBylineAndBodyLeavingCaptionsOut() throws Exception {
        ParsedArticle article = read("de-nitf-landtagswahl.xml", isoLatin1("de-nitf-landtagswahl.xml"));

        assertThat(article.text().paragraphs()).containsExactly("Landtagswahl: Hohe Beteiligung am Mittag",
                "Bei der Landtagswahl zeichnet sich eine höhere Beteiligung ab als vor fünf Jahren. Bis 12 Uhr gaben nach Angaben des Landeswahlleiters 46 Prozent der Wahlberechtigten ihre Stimme ab.",
                "Briefwahl auf Rekordniveau", "Besonders viele Bürger haben per Brief gewählt. Die Wahllokale schließen um 18 Uhr.");
        assertThat(article.metadata().byline()).isEqualTo("Von Petra Müller");
        assertThat(article.metadata().published()).isEqualTo("20260315T123000+0100");
        assertThat(article.metadata().url()).isEqualTo("https://example.org/politik/landtagswahl-beteiligung");
        assertThat(article.metadata().language()).isEqualTo("de");
        assertThat(article.metadata().keywords()).containsExactly("Landtagswahl", "Wahlbeteiligung");
        assertThat(article.metadata().description()).isEqualTo("Bis zum Mittag hat fast die Hälfte der Wahlberechtigten abgestimmt.");
    }

    @Test
    void readsANewsmlG2ItemWithInlineNitf() throws Exception {
        assertThat(registry.readerFor("x.xml", Samples.article("de-newsml-haushalt.xml")).format()).isEqualTo("newsml-g2");
        ParsedArticle article = read("de-newsml-haushalt.xml", Samples.article("de-newsml-haushalt.xml"));

        assertThat(article.text().title()).isEqualTo("Bundestag beschließt Haushalt für 2027");
        assertThat(article.text().paragraphs()).hasSize(3).last().asString().startsWith("Die Opposition kritisierte");
        assertThat(article.metadata().byline()).isEqualTo("Von Markus Klein");
        assertThat(article.metadata().published()).isEqualTo("2026-04-10T14:05:00+02:00");
        assertThat(article.metadata().language()).isEqualTo("de");
        assertThat(article.metadata().keywords()).containsExactly("Haushalt", "Staatshaushalt");
    }

    @Test
    void readsANewsmlG2ItemWithInlineXhtml() throws Exception {
        ParsedArticle article = read("x.xml", """
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x"><contentMeta><headline>Kurz</headline></contentMeta>
                <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
                <h2>Zwischentitel</h2><p>Erster Satz.</p><figure><figcaption>Bildtext</figcaption></figure></body></html></inlineXML></contentSet></newsItem>""");

        assertThat(article.text().paragraphs()).containsExactly("Kurz", "Zwischentitel", "Erster Satz.");
    }

    @Test
    void aBillionLaughsBombStopsAtTheExpansionLimit() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        bomb.append("]><nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>");

        assertThatThrownBy(() -> read("bomb.xml", bomb.toString())).isInstanceOf(UnprocessableArticleException.class)
                .hasMessageContaining("XML bomb");
    }

    @Test
    void anExternalEntityIsNeverLoadedAndTheDocumentIsRefused(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "GEHEIM-4711");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<nitf><body><body.content><p>Text &xxe;</p></body.content></body></nitf>";

        assertThatThrownBy(() -> read("xxe.xml", xxe)).isInstanceOf(UnprocessableArticleException.class)
                .hasMessageContaining("external entity (xxe)").hasMessageNotContaining("GEHEIM");
    }

    @Test
    void anExternalDtdIsNeverFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] dtd = "<!ENTITY extra \"AUS DER DTD\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/nitf.dtd";
            ParsedArticle article = read("dtd.xml", "<?xml version=\"1.0\"?><!DOCTYPE nitf SYSTEM \"" + url + "\"><nitf>" + NITF_BODY + "</nitf>");

            assertThat(article.text().paragraphs()).containsExactly("Titel", "Ein Satz im Artikel.");
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void otherXmlNitfWithoutBodyAndBrokenXmlAreRefusedWithAReason() {
        assertThatThrownBy(() -> read("feed.xml", "<?xml version=\"1.0\"?><rss><channel/></rss>"))
                .isInstanceOf(UnprocessableArticleException.class).hasMessageContaining("neither NITF nor a NewsML-G2 newsItem (its root element is <rss>)");
        assertThatThrownBy(() -> read("empty.xml", "<nitf><head><title>Nur Kopf</title></head></nitf>"))
                .isInstanceOf(UnprocessableArticleException.class).hasMessageContaining("NITF document has no body text");
        assertThatThrownBy(() -> read("broken.xml", "<nitf><body><p>offen</body></nitf>"))
                .isInstanceOf(UnprocessableArticleException.class).hasMessageContaining("not well-formed");
    }

    @Test
    void xhtmlSavedAsXmlIsReadAsAWebPage() throws Exception {
        assertThat(registry.readerFor("page.xml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>").format())
                .isEqualTo("html");
    }

    private ParsedArticle read(String name, String content) throws UnprocessableArticleException {
        return registry.readerFor(name, content).read(content);
    }

    private static String isoLatin1(String name) throws Exception {
        return Files.readString(Samples.ARTICLES.resolve(name), StandardCharsets.ISO_8859_1);
    }
}
