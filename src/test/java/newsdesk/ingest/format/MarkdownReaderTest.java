package newsdesk.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import newsdesk.ingest.ReadLimits;
import newsdesk.ingest.UnprocessableArticleException;
import org.junit.jupiter.api.Test;

class MarkdownReaderTest {

    private final MarkdownReader reader = new MarkdownReader(new ReadLimits(Long.MAX_VALUE, Long.MAX_VALUE, 256));

    @Test
    void readsFrontMatterAsMetadataAndLeavesCodeAndHtmlOut() throws Exception {
        ParsedArticle article = reader.read(Samples.article("de-bahnstreik.md"));

        assertThat(article.text().title()).isEqualTo("Bahnstreik legt den Fernverkehr lahm");
        assertThat(article.text().paragraphs()).containsExactly("Bahnstreik legt den Fernverkehr lahm",
                "Die Lokführergewerkschaft hat am Mittwochmorgen bundesweit zum Streik aufgerufen. Im Fernverkehr fallen nach Angaben der Bahn rund achtzig Prozent der Züge aus.",
                "Was Reisende wissen müssen", "Bereits gekaufte Fahrkarten bleiben gültig.", "Die Zugbindung ist aufgehoben.",
                "„Wir bedauern die Einschränkungen sehr“, sagte eine Sprecherin der Bahn.",
                "Der Streik soll nach Angaben der Gewerkschaft bis Freitagabend dauern.");
        assertThat(article.metadata().byline()).isEqualTo("Anna Schmidt");
        assertThat(article.metadata().published()).isEqualTo("2026-03-04T06:30:00+01:00");
        assertThat(article.metadata().url()).isEqualTo("https://example.org/wirtschaft/bahnstreik");
        assertThat(article.metadata().language()).isEqualTo("de");
        assertThat(article.metadata().keywords()).containsExactly("Bahn", "Streik", "Verkehr");
    }

    @Test
    void withoutFrontMatterTheFirstHeadingIsTheHeadline() throws Exception {
        ParsedArticle article = reader.read("Vorspann ohne Titel.\n\n# Neue Brücke eröffnet\n\nDie Brücke ist *fertig* und [frei](https://example.org).\n");

        assertThat(article.text().title()).isEqualTo("Neue Brücke eröffnet");
        assertThat(article.text().paragraphs()).containsExactly("Neue Brücke eröffnet", "Vorspann ohne Titel.", "Die Brücke ist fertig und frei.");
        assertThat(article.metadata().byline()).isNull();
    }

    @Test
    void anEmptyFrontMatterIsNoMetadata() throws Exception {
        ParsedArticle article = reader.read("---\n---\n# Titel\n\nText des Artikels.\n");

        assertThat(article.text().title()).isEqualTo("Titel");
        assertThat(article.metadata().keywords()).isEmpty();
    }

    @Test
    void brokenFrontMatterAndCodeOnlyFilesAreRefused() {
        assertThatThrownBy(() -> reader.read("---\ntitle: [nicht geschlossen\n---\nText.\n"))
                .isInstanceOf(UnprocessableArticleException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> reader.read("---\n- nur\n- eine Liste\n---\nText.\n"))
                .isInstanceOf(UnprocessableArticleException.class).hasMessageContaining("not a list of keys");
        assertThatThrownBy(() -> reader.read("```\ncode();\n```\n\n<div>nur HTML</div>\n"))
                .isInstanceOf(UnprocessableArticleException.class).hasMessageContaining("no article text");
    }

    /** The reason names the line, says what to do, and ends as a sentence (the log line adds one after it). */
    @Test
    void anUnquotedColonInAValueIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> reader.read("---\nauthor: Eva Lang\ntitle: Titel: Untertitel\n---\nText.\n"))
                .isInstanceOf(UnprocessableArticleException.class)
                .hasMessage("The Markdown front matter is not valid YAML at line 3: mapping values are not allowed here"
                        + " (a value holding \": \" needs quotes).");
    }
}
