package newsdesk.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import newsdesk.ingest.ReadLimits;
import newsdesk.ingest.UnprocessableArticleException;
import org.junit.jupiter.api.Test;

class NinjsReaderTest {

    private final NinjsReader reader = new NinjsReader(new ReadLimits(Long.MAX_VALUE, Long.MAX_VALUE, 256));

    @Test
    void readsANinjs2ItemWithAnHtmlBody() throws Exception {
        ParsedArticle article = reader.read(Samples.article("de-hochwasser.json"));

        assertThat(article.text().title()).isEqualTo("Hochwasser an der Elbe: Dresden erwartet den Höchststand");
        assertThat(article.text().paragraphs()).containsExactly("Hochwasser an der Elbe: Dresden erwartet den Höchststand",
                "Der Pegel der Elbe in Dresden ist in der Nacht auf über sechs Meter gestiegen.", "Schutzwände in der Altstadt",
                "Die Feuerwehr hat in der Altstadt mobile Schutzwände aufgebaut. Anwohner werden gebeten, ihre Keller zu räumen.");
        assertThat(article.metadata().byline()).isEqualTo("Jonas Weber");
        assertThat(article.metadata().published()).isEqualTo("2026-05-12T09:15:00Z");
        assertThat(article.metadata().url()).isEqualTo("http://nachrichten.example.org/items/2026-05-12-hochwasser");
        assertThat(article.metadata().keywords()).containsExactly("Hochwasser", "Dresden");
        assertThat(article.metadata().description()).isEqualTo("Der Pegel steigt weiter, die Stadt baut Schutzwände auf.");
    }

    @Test
    void readsNinjs1FieldsAndPlainArticleObjects() throws Exception {
        ParsedArticle ninjs1 = reader.read("""
                {"uri": "urn:x", "headline": "Messe eröffnet", "byline": "Ute Rau", "body_text": "Erster Absatz.\\n\\nZweiter Absatz.",
                 "versioncreated": "2026-01-02T10:00:00Z", "subject": [{"name": "Messe"}], "description_text": "Kurz."}""");
        ParsedArticle plain = reader.read("{\"title\": \"Kurzmeldung\", \"content\": \"<p>Ein Satz.</p><p>Noch einer.</p>\"}");

        assertThat(ninjs1.text().paragraphs()).containsExactly("Messe eröffnet", "Erster Absatz.", "Zweiter Absatz.");
        assertThat(ninjs1.metadata().byline()).isEqualTo("Ute Rau");
        assertThat(ninjs1.metadata().description()).isEqualTo("Kurz.");
        assertThat(plain.text().paragraphs()).containsExactly("Kurzmeldung", "Ein Satz.", "Noch einer.");
    }

    @Test
    void readsTheIptcExamplesOfVersions22And31() throws Exception {
        for (String example : new String[] {"example-2.2-005_complex_text_article.json", "example-3.1-005_complex_text_article.json"}) {
            ParsedArticle article = reader.read(Files.readString(Samples.shared("formats/ninjs/" + example)));

            assertThat(article.text().title()).isEqualTo("Captain of wrecked cruise ship on trial in Italy");
            assertThat(article.text().body()).startsWith("GROSSETO, Italy (AP) -- The trial of the captain");
            assertThat(article.metadata().byline()).isEqualTo("Paulo Santalucia and Frances d'Emilio");
            assertThat(article.metadata().published()).isEqualTo("2013-07-09T10:37:00Z");
        }
    }

    @Test
    void jsonThatIsNoArticleIsRefusedNamingWhatIsMissing() {
        assertThatThrownBy(() -> reader.read("{\"name\": \"Max\", \"age\": 3}")).isInstanceOf(UnprocessableArticleException.class)
                .hasMessageContaining("no body text (none of body_text, body_html, bodies, text, body or content) and no headline");
        assertThatThrownBy(() -> reader.read("[{\"title\": \"x\"}]")).isInstanceOf(UnprocessableArticleException.class)
                .hasMessageContaining("holds a JSON array, not an article object");
        assertThatThrownBy(() -> reader.read("{\"title\": ")).isInstanceOf(UnprocessableArticleException.class)
                .hasMessageContaining("not valid JSON");
    }
}
