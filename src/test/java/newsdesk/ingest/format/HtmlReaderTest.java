package newsdesk.ingest.format;

import newsdesk.ingest.ReadLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import newsdesk.ingest.UnprocessableArticleException;
import org.junit.jupiter.api.Test;

class HtmlReaderTest {

    private final HtmlReader reader = new HtmlReader(new ReadLimits(Long.MAX_VALUE, Long.MAX_VALUE, 256));

    @Test
    void readsTheHeisePageAsHeadlineParagraphsAndMetadata() throws Exception {
        ParsedArticle article = reader.read(Samples.article("de-heise-1password.html"));

        assertThat(article.text().title()).isEqualTo("1Password für Mac generiert Einmal-Passwörter");
        assertThat(article.text().paragraphs()).hasSize(6)
                .anyMatch(p -> p.startsWith("AgileBits hat Version 5.3 seines bekannten Passwortmanagers"))
                .anyMatch(p -> p.startsWith("1Password kostet aktuell knapp 50 Euro"))
                // The image caption, the navigation and the reader comments are not article text.
                .noneMatch(p -> p.contains("1Password scannt auch QR-Codes"))
                .noneMatch(p -> p.contains("Forum") || p.contains("Kommentare"));
        assertThat(article.metadata().byline()).isEqualTo("Mac & i");
        assertThat(article.metadata().language()).isEqualTo("de");
        assertThat(article.metadata().published()).isEqualTo("2015-04-08T12:46:00");
        assertThat(article.metadata().url()).startsWith("http://www.heise.de/mac-and-i/meldung/1Password-fuer-Mac");
    }

    @Test
    void takesMetadataFromJsonLdAndTheTitleWithoutTheSiteName() throws Exception {
        String page = """
                <html lang="de-DE"><head><title>Stadtrat beschließt neuen Radweg | Lokalblatt</title>
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Lokalblatt"},
                {"@type":"NewsArticle","author":[{"@type":"Person","name":"Eva Lang"},{"@type":"Person","name":"Tom Berg"}],
                "datePublished":"2026-02-01T08:00:00+01:00","keywords":["Radweg","Stadtrat"]}]}</script>
                <link rel="canonical" href="https://lokalblatt.example/radweg"></head>
                <body><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
                <article><h1>Stadtrat beschließt neuen Radweg</h1>
                <p>Der Stadtrat hat am Dienstag mit großer Mehrheit einen neuen Radweg entlang der Hauptstraße beschlossen, der im Sommer gebaut wird.</p>
                <p>Die Kosten von 1,2 Millionen Euro trägt zum großen Teil das Land, sagte die Bürgermeisterin nach der Sitzung.</p>
                </article><footer>© 2026 Lokalblatt. Alle Rechte vorbehalten.</footer></body></html>""";

        ParsedArticle article = reader.read(page);

        assertThat(article.text().title()).isEqualTo("Stadtrat beschließt neuen Radweg");
        assertThat(article.text().paragraphs()).hasSize(3).noneMatch(p -> p.contains("Politik") || p.contains("Lokalblatt"));
        assertThat(article.metadata().byline()).isEqualTo("Eva Lang, Tom Berg");
        assertThat(article.metadata().published()).isEqualTo("2026-02-01T08:00:00+01:00");
        assertThat(article.metadata().url()).isEqualTo("https://lokalblatt.example/radweg");
        assertThat(article.metadata().language()).isEqualTo("de-DE");
        assertThat(article.metadata().keywords()).containsExactly("Radweg", "Stadtrat");
    }

    @Test
    void keepsSubheadingsListItemsAndQuotesAsParagraphsAndDropsHiddenAndSharingBlocks() throws Exception {
        String page = """
                <html><body><div class="story-body">
                <p>Die Bahn hat am Morgen ihren neuen Fahrplan vorgestellt, der ab Dezember gilt und mehr Züge vorsieht.</p>
                <h2>Mehr Verbindungen</h2>
                <ul><li>Berlin–Hamburg stündlich</li><li>München–Köln alle zwei Stunden</li></ul>
                <blockquote>Wir fahren öfter und pünktlicher, sagte der Vorstand.</blockquote>
                <div style="display:none">Versteckter Text</div>
                <div class="share-buttons"><a href="#">Teilen auf Facebook</a></div>
                <p>Fahrgastverbände begrüßten die Pläne, mahnten aber mehr Personal in den Zügen an.</p>
                </div></body></html>""";

        ParsedArticle article = reader.read(page);

        assertThat(article.text().paragraphs()).containsExactly(
                "Die Bahn hat am Morgen ihren neuen Fahrplan vorgestellt, der ab Dezember gilt und mehr Züge vorsieht.",
                "Mehr Verbindungen", "Berlin–Hamburg stündlich", "München–Köln alle zwei Stunden",
                "Wir fahren öfter und pünktlicher, sagte der Vorstand.",
                "Fahrgastverbände begrüßten die Pläne, mahnten aber mehr Personal in den Zügen an.");
        assertThat(article.text().hasTitle()).isFalse();
    }

    @Test
    void aPageWithoutArticleTextIsRefused() {
        String page = "<html><head><title>Startseite</title></head><body><nav><a href='/a'>A</a></nav>"
                + "<script>var x = 1;</script></body></html>";

        assertThatThrownBy(() -> reader.read(page)).isInstanceOf(UnprocessableArticleException.class)
                .hasMessageContaining("holds no article text");
    }

    @Test
    void theSiteNameIsCutFromATitleOnlyWhenAHeadlineRemains() {
        assertThat(HtmlMetadata.withoutSiteName("Neue Regeln für Mieter in Berlin - Tagesblatt", null)).isEqualTo("Neue Regeln für Mieter in Berlin");
        assertThat(HtmlMetadata.withoutSiteName("Tagesblatt: Neue Regeln", "Tagesblatt")).isEqualTo("Neue Regeln");
        assertThat(HtmlMetadata.withoutSiteName("Wahlabend - Tagesblatt", null)).isEqualTo("Wahlabend - Tagesblatt");
    }
}
