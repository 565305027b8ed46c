package newsdesk.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.atIndex;

import newsdesk.ingest.ReadLimits;
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
    void keepsTheLeadBetweenTheHeadlineAndTheBodyButNotTeasersOfOtherArticles() throws Exception {
        String page = """
                <html><head><meta property="og:title" content="Die Luftfahrt hebt wieder ab"></head><body><div class="page">
                <header><a href="/">Industriemagazin</a><h1>Die Luftfahrt hebt wieder ab</h1><p class="date">12.05.2023</p>
                <div class="teaser-text"><p>In der Luftfahrt geht es nach der Pandemie wieder rasant bergauf.</p></div></header>
                <div class="teaser"><p><a href="/jets">Mehr zur Luftfahrt: die neuen Jets im Test und was sie kosten werden.</a></p></div>
                <div class="news-text"><p>Die Hersteller melden volle Auftragsbücher, und die Zulieferer stellen wieder ein, sagte der Verband.</p>
                <p>Auch die Flughäfen rechnen mit mehr Passagieren, als vor der Pandemie gezählt wurden, im Sommer sogar mit Rekorden.</p>
                <p>Engpässe gibt es bei Triebwerken, bei Sitzen und beim Personal, das erst ausgebildet werden muss.</p></div>
                </div></body></html>""";

        ParsedArticle article = reader.read(page);

        // The title line, then the lead.
        assertThat(article.text().paragraphs().get(1)).isEqualTo("In der Luftfahrt geht es nach der Pandemie wieder rasant bergauf.");
        assertThat(article.text().paragraphs()).hasSize(5).noneMatch(p -> p.contains("Jets") || p.contains("12.05.2023"));
    }

    @Test
    void takesOnlyWhatThePageNamesAsItsLeadOrPutsInTheArticleHeader() throws Exception {
        String page = """
                <html><head><meta property="og:title" content="Emirates kauft 30 Dreamliner"></head><body><div class="page">
                <div class="head"><h1>Emirates kauft 30 Dreamliner</h1><p>Von Eva Lang</p>
                <div class="key-points"><ul><li>Emirates bestellt 30 Boeing 787-9 und verkleinert dafür eine ältere Bestellung.</li></ul></div>
                <div class="image"><p>Auf diesem Archivbild von 2017 steht eine Boeing 787 auf dem Rollfeld in Dubai.</p></div>
                <p class="standfirst">Die Fluggesellschaft aus Dubai baut ihre Flotte um und setzt auf kleinere Jets.</p></div>
                <div class="wrap"><div class="body">
                <p>Emirates, die größte Fluggesellschaft am Golf, hatte lange gezögert, weil die Triebwerke in der Hitze Probleme machten.</p>
                <p>Nun ist der Streit mit Boeing beigelegt, sagte der Präsident der Airline auf einer Pressekonferenz am Rande der Messe.</p>
                <p>Der Vertrag wurde am Mittwoch auf der Luftfahrtmesse in Dubai unterzeichnet, sagten beide Unternehmen.</p>
                <p>Die Jets sollen ab 2023 geliefert werden, zunächst sechs im Jahr, dann bis zu zehn, je nach Nachfrage.</p></div></div>
                </div></body></html>""";
        String headerPage = """
                <html><head><title>Mieten steigen weiter</title></head><body><article>
                <header><h1>Mieten steigen weiter</h1><p>In den großen Städten steigen die Mieten schneller als die Löhne.</p></header>
                <div class="body"><p>Das zeigt eine Studie, die am Montag in Berlin vorgestellt wurde, mit Zahlen aus zwanzig Städten.</p>
                <p>Am stärksten stiegen die Mieten in München, Frankfurt und Leipzig, am schwächsten im Ruhrgebiet.</p>
                <p>Mieterverbände fordern, dass die Mietpreisbremse verlängert und verschärft wird, bevor sie ausläuft.</p></div>
                </article></body></html>""";

        // Key points and a photo's caption between headline and body are not named as the article's lead.
        assertThat(reader.read(page).text().paragraphs()).hasSize(6)
                .contains("Die Fluggesellschaft aus Dubai baut ihre Flotte um und setzt auf kleinere Jets.", atIndex(1))
                .noneMatch(p -> p.contains("Emirates bestellt") || p.contains("Archivbild"));
        assertThat(reader.read(headerPage).text().paragraphs())
                .contains("In den großen Städten steigen die Mieten schneller als die Löhne.", atIndex(1)).hasSize(5);
    }

    @Test
    void leavesOutSoftHyphens() throws Exception {
        String page = "<html><body><article><p>Der St. Magdalener ist neben Baro\u00ADlo und Bar\u00ADba\u00ADres\u00ADco einer "
                + "der bekanntesten Rotweine Italiens, leicht, fruchtig und mit feiner Säure.</p></article></body></html>";

        assertThat(reader.read(page).text().paragraphs()).singleElement().asString().contains("neben Barolo und Barbaresco einer");
    }

    @Test
    void findsTheLeadBelowAnH2HeadlineWhenThePagesOnlyH1IsHidden() throws Exception {
        String page = """
                <html><head><meta property="og:title" content="Schnee belastet Solarmodule"></head><body>
                <div hidden><h1>Schnee belastet Solarmodule</h1></div>
                <article><header><h2>Schnee belastet Solarmodule</h2>
                <p>Eine Schneedecke auf der Anlage kostet Strom, und ihr Gewicht belastet Module und Gestelle.</p></header>
                <div class="body"><p>Wer den Schnee selbst räumt, riskiert Kratzer auf dem Glas, sagen Experten, und stürzt womöglich vom Dach.</p>
                <p>Besser sei es, abzuwarten, bis der Schnee von selbst rutscht, oder einen Fachbetrieb zu rufen.</p>
                <p>Versicherungen zahlen Schäden, die beim Räumen entstehen, oft nicht, wenn Laien am Werk waren.</p></div>
                </article></body></html>""";

        assertThat(reader.read(page).text().paragraphs()).hasSize(5)
                .contains("Eine Schneedecke auf der Anlage kostet Strom, und ihr Gewicht belastet Module und Gestelle.", atIndex(1));
    }

    @Test
    void findsTheLeadBelowAHeadlineTheNewsTemplateSetsInAnH3() throws Exception {
        String page = """
                <html><head><meta property="og:title" content="Reparaturcafé am 31. Januar"></head><body>
                <header><h1>Stadt Ahlen</h1></header>
                <div class="news"><div class="article"><div class="header"><h3 itemprop="headline">Reparaturcafé am 31. Januar</h3></div>
                <div class="row"><div class="teaser-text"><p>Ehrenamtliche Experten reparieren im Reparaturcafé am Freitag defekte Hausgeräte.</p></div></div>
                <div class="row"><div class="news-text-wrap" itemprop="articleBody"><p>Ins Reparaturcafé kann jeder Gegenstände bringen, die ein Team aus Elektrikern repariert.</p>
                <p>Auch die Geselligkeit bei Kaffee und Kuchen ist ein guter Grund, einmal vorbeizuschauen.</p>
                <p>Das Projekt ist eine Kooperation der Stadt mit der Caritas und einem Verein aus dem Kreis.</p></div></div>
                </div></div></body></html>""";

        assertThat(reader.read(page).text().paragraphs())
                .contains("Ehrenamtliche Experten reparieren im Reparaturcafé am Freitag defekte Hausgeräte.", atIndex(1));
    }

    @Test
    void findsANamedLeadThatOpensTheBodysArticleFarBelowTheHeadline() throws Exception {
        String page = """
                <html><head><meta property="og:title" content="Angelmesse in Rostock im Mai"></head><body>
                <div class="container"><div class="row"><div class="col"><h1>Angelmesse in Rostock im Mai</h1></div></div></div>
                <div class="container"><div class="row"><div id="primary"><main><div class="col">
                <article><div class="excerpt"><p>Der Termin für die nächste Angelmesse steht fest: Im Mai dreht sich im Park alles ums Angeln.</p></div>
                <div class="entry-content" itemprop="articleBody"><p>Aussteller aus ganz Europa zeigen an zwei Tagen Ruten, Rollen und Köder für jedes Gewässer.</p>
                <p>Auf der Bühne geben bekannte Angler Tipps für das Fischen an der Küste und im Hafen der Stadt.</p>
                <p>Karten gibt es im Vorverkauf und an der Kasse, Kinder bis zwölf Jahre haben freien Eintritt.</p></div></article>
                </div></main></div></div></div></body></html>""";

        assertThat(reader.read(page).text().paragraphs())
                .contains("Der Termin für die nächste Angelmesse steht fest: Im Mai dreht sich im Park alles ums Angeln.", atIndex(1));
    }

    @Test
    void keepsTheTableThatTheLastSentenceAnnouncesButTrimsAStrayLastLine() throws Exception {
        String page = """
                <html><body><div class="beschreibung">
                <p>Die Region Rioja liegt im Norden Spaniens am Mittellauf des Ebro und misst etwa 120 mal 40 Kilometer.</p>
                <p>Die Bestimmungen erlauben vier rote und drei weiße Rebsorten, allen voran Tempranillo und Garnacha.</p>
                <p>Für die Qualitätsstufen der Weine aus der Rioja gibt es folgende Bestimmungen:</p>
                <table><tr><th>Mindestlagerzeit Rotwein</th><td>24 Monate</td></tr>
                <tr><th>davon mindestens im Fass</th><td>12 Monate</td></tr></table>
                </div></body></html>""";

        assertThat(reader.read(page).text().paragraphs()).endsWith("davon mindestens im Fass", "12 Monate");
        assertThat(reader.read(page.replace("Bestimmungen:</p>", "Bestimmungen.</p><p>Teilen</p>")).text().paragraphs())
                .last().asString().endsWith("Bestimmungen.");
    }

    @Test
    void readsPostsInCommentNamedBlocksWhenTheClassRulesLeaveNoText() throws Exception {
        String post = "<div class=\"MtnComment\"><div class=\"MtnCommentText\">%s</div></div>";
        String page = "<html><head><title>iPhone lädt nicht</title></head><body class=\"Forum\"><main><h1>iPhone lädt nicht</h1>"
                + post.formatted("Mein iPhone lädt seit dem Update nicht mehr, wenn es über Nacht am Kabel hängt, und ich habe alles versucht.")
                + post.formatted("Bei mir ist es genauso, seit dem letzten Update, und auch ein neues Kabel hilft leider nicht.")
                + post.formatted("Schalte die optimierte Ladefunktion in den Einstellungen aus, das hat bei mir geholfen.")
                + "<p>Kommentieren</p><p>Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.</p></main></body></html>";

        ParsedArticle article = reader.read(page);

        assertThat(article.text().paragraphs()).hasSize(4)
                .anyMatch(p -> p.startsWith("Mein iPhone lädt seit dem Update"))
                .anyMatch(p -> p.startsWith("Schalte die optimierte Ladefunktion"))
                .noneMatch(p -> p.contains("Kommentieren") || p.contains("einloggen"));
    }

    @Test
    void keepsASectionOfListItemsThatContinuesTheText() throws Exception {
        String page = """
                <html><body><article><h1>Apfelkuchen wie bei Oma</h1><div class="sections">
                <section><div class="bodytext"><div>
                <p>Ein Apfelkuchen gelingt immer, wenn die Äpfel säuerlich sind, der Teig kalt bleibt und der Ofen gut vorgeheizt ist.</p>
                <p>Wir backen ihn in einer Springform, mit Streuseln oder einem Gitter, je nachdem, was die Familie lieber mag.</p>
                <p>Dazu passt geschlagene Sahne, im Sommer auch ein Vanilleeis, und am Nachmittag ein starker Kaffee.</p>
                </div></div></section>
                <section><ul>
                <li>Mehl, Butter, Zucker und ein Ei rasch zu einem glatten Teig verkneten, dann eine Stunde kühlen.</li>
                <li>Die Äpfel schälen, vierteln, entkernen und in dünne Spalten schneiden, mit Zitrone beträufeln.</li>
                <li>Den Teig in die Form drücken, die Äpfel darauf verteilen und bei 180 Grad eine Stunde backen.</li>
                </ul></section></div></article>
                <div class="more"><a href="/a">Zwetschgenkuchen</a> <a href="/b">Käsekuchen</a></div></body></html>""";

        ParsedArticle article = reader.read(page);

        assertThat(article.text().paragraphs()).as("the title line, three paragraphs, three steps").hasSize(7)
                .anyMatch(p -> p.startsWith("Die Äpfel schälen"))
                .noneMatch(p -> p.contains("Käsekuchen"));
    }

    @Test
    void keepsTheRestOfAnArticleInALargerBlockOfSectionsBesideItsFirstPart() throws Exception {
        String sentence = "<p>Achtsamkeit, sagt die Psychologin, ist kein Trend, sondern eine alte Übung, die man lernen kann, Schritt für Schritt. %d</p>";
        StringBuilder sections = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sections.append("<section><div><div>").append(sentence.formatted(i)).append("</div></div></section>");
        }
        String page = "<html><body><article><h1>Achtsam durch die Krise</h1><div class=\"intro-text\">"
                + "<p>Plötzlich ist alles anders, und die Gewissheiten des Lebens, die wir kannten, werden in Frage gestellt.</p>"
                + "<p>Das Unsichtbare erzeugt Unsicherheit, eine Angst, die durch Berichte und Maßnahmen genährt wird.</p>"
                + "<p>Die Krise hat es in sich, denn die Gefahr ist groß und die eigenen Möglichkeiten sind klein.</p></div>"
                + "<div class=\"sections\">" + sections + "</div>"
                + "<div class=\"authors\"><a href=\"/autorin\">Ursula Baatz</a></div></article></body></html>";

        assertThat(reader.read(page).text().paragraphs()).as("the title line, three paragraphs and twelve sections, three times their size")
                .hasSize(16).anyMatch(p -> p.endsWith("Schritt für Schritt. 11"));
    }

    @Test
    void readsEveryAnswerOfAnFaqWhoseAnswersScoreApart() throws Exception {
        String card = "<div class=\"module\"><div class=\"card\"><div class=\"card-header\"><h3>Frage %d: Wie hoch sind die Zinsen für einen "
                + "Privatkredit im Moment?</h3></div><div class=\"collapse\"><div class=\"card-body\">"
                + "<p>Antwort %d: Die Zinsen hängen von Betrag, Laufzeit und Bonität ab, und sie ändern sich mit dem Leitzins, %s.</p>"
                + "<p>Wer Sicherheiten hat, ein festes Einkommen und keine Schulden, bekommt meist bessere Angebote als andere.</p>"
                + "</div></div></div></div>";
        StringBuilder page = new StringBuilder("<html><head><title>Zinsen für Privatkredite</title></head><body><div class=\"wrapper\">");
        for (int i = 1; i <= 5; i++) {
            page.append(card.formatted(i, i, i == 3 ? "manchmal schnell, manchmal langsam, selten gar nicht" : "oft langsam"));
        }
        page.append("</div></body></html>");

        assertThat(reader.read(page.toString()).text().paragraphs())
                .anyMatch(p -> p.startsWith("Antwort 1:")).anyMatch(p -> p.startsWith("Antwort 5:"))
                .anyMatch(p -> p.startsWith("Frage 2:"));
    }

    @Test
    void scoresTextBetweenADivisionsBlocksForTheDivision() throws Exception {
        String run = "Die Region liegt im Norden des Landes am Mittellauf des großen Flusses, und sie ist etwa 120 mal 40 Kilometer "
                + "groß. Sie unterteilt sich in drei Untergebiete, die vom Klima des Atlantiks und des Mittelmeers geprägt sind, "
                + "und ihre Weine reifen lange in Fässern aus Eiche, bevor sie in den Handel kommen. Teil %d.";
        // The description's text stands in <br>-parted runs beside a map box and a table; a shipping note under the page's links has paragraphs.
        String page = "<html><body><div class='page'><div class='beschreibung'><div class='box'><p>Karte</p></div>"
                + run.formatted(1) + "<br><br>" + run.formatted(2) + "<br><br>" + run.formatted(3) + "<br><br>" + run.formatted(4)
                + "<table><tr><th>Lagerzeit</th><td>24 Monate</td></tr></table></div></div>"
                + "<div class='bottom'><div class='links'><a href='/agb'>AGB und Widerrufsbelehrung</a> <a href='/impressum'>Impressum</a> "
                + "<a href='/datenschutz'>Datenschutzerklärung</a> <a href='/versand'>Versand und Lieferung</a></div>"
                + "<div id=\"info\"><h3>Versand und Lieferung</h3>"
                + "<p>Unsere Lieferungen kommen per Paketdienst, frei Haus ab einem Warenwert von 60 Euro, darunter kostet der Versand 8 Euro.</p>"
                + "<p>Bei großen Bestellungen, etwa ganzen Kisten, behalten wir uns eine Spedition vor, die Ihnen keine Mehrkosten bringt.</p>"
                + "</div></div></body></html>";

        assertThat(reader.read(page).text().paragraphs()).anyMatch(p -> p.endsWith("Teil 1.")).anyMatch(p -> p.endsWith("Teil 4."))
                .noneMatch(p -> p.contains("Lieferungen"));
    }

    @Test
    void leavesOutTheSubheadingOfALeftOutListOfLinks() throws Exception {
        String page = """
                <html><body><article><h1>Neue Heizungen für den Klimaschutz</h1>
                <p>In den Heizungen der Privathäuser liegt ein großes Potenzial, um Emissionen zu senken, sagt der Verband.</p>
                <h3>Was jetzt gilt</h3>
                <p>Neue Heizungen müssen ab dem kommenden Jahr zu einem guten Teil mit erneuerbaren Energien betrieben werden.</p>
                <h3>Weitere Informationen</h3>
                <ul><li><a href="/a">Förderung</a></li><li><a href="/b">Wärmepumpen</a></li><li><a href="/c">Gasheizungen</a></li></ul>
                <p>Der Verband berät Hausbesitzer kostenlos, am Telefon und in seinen Beratungsstellen in allen Ländern.</p>
                </article></body></html>""";

        assertThat(reader.read(page).text().paragraphs()).contains("Was jetzt gilt").doesNotContain("Weitere Informationen")
                .noneMatch(p -> p.contains("Förderung"));
    }

    @Test
    void endsTheArticleWhereItsReadingTipsBegin() throws Exception {
        String page = """
                <html><body><div class="text">
                <p>Der Winter kommt früh in diesem Jahr, sagen die Meteorologen, und er wird in den Bergen schneereich.</p>
                <p>Schon im November soll es bis in die Täler schneien, wenn die kalte Luft aus dem Norden kommt.</p>
                <p>Die Skigebiete freuen sich, die Straßendienste bereiten sich auf lange Nächte mit den Räumfahrzeugen vor.</p>
                <p>Auch interessant</p>
                <p>Wie Sie Ihr Auto winterfest machen, bevor der erste Frost kommt, steht in unserem Ratgeber.</p>
                </div></body></html>""";

        ParsedArticle article = reader.read(page);

        assertThat(article.text().paragraphs()).hasSize(3).noneMatch(p -> p.contains("Auch interessant") || p.contains("Ratgeber"));
    }

    @Test
    void keepsTheRowsOfATableWhoseClassesNameWhatTheyHold() throws Exception {
        String page = """
                <html><body><article><h1>Die Wertung nach dem letzten Rennen</h1>
                <p>Nach dem Finale steht die Gesamtwertung der Saison fest, hier die besten drei Fahrer mit ihren Punkten.</p>
                <table><tr class="colhead"><td>Platz</td><td>Fahrer</td><td>Punkte</td></tr>
                <tr class="oddrow player-2020-580"><td>1</td><td>Kyle Busch</td><td>5040</td></tr>
                <tr class="evenrow player-2020-416"><td>2</td><td>Martin Truex Jr.</td><td>5035</td></tr>
                <tr class="oddrow player-2020-225"><td>3</td><td>Kevin Harvick</td><td>5033</td></tr></table>
                <p>Die neue Saison beginnt im Februar mit dem traditionellen Rennen in Daytona, wie jedes Jahr.</p></article></body></html>""";

        ParsedArticle article = reader.read(page);

        // "player" in a row's class is a video player's name elsewhere; here it names the driver.
        assertThat(article.text().paragraphs()).contains("Kyle Busch", "5035", "Kevin Harvick");
    }

    @Test
    void keepsSectionsOfRunningTextWhoseIdsSoundLikeFurnitureButNotTheComments() throws Exception {
        String section = """
                <div class="section" id="%s"><h2>%s</h2>
                <p>Wer seine Änderungen mit anderen teilt, sollte vorher wissen, welche davon schon veröffentlicht sind.</p>
                <p>Ein öffentliches Archiv nimmt nur Änderungen an, die fertig sind, und alle anderen bleiben lokal.</p>
                <p>So kann niemand eine Änderung umschreiben, auf der die Arbeit eines anderen schon aufbaut.</p></div>
                """;
        String page = "<html><body><div class=\"body\"><h1>Gemeinsam an einem Projekt arbeiten</h1>"
                + "<p>Diese Anleitung zeigt, wie mehrere Entwickler ihre Änderungen austauschen, ohne sich zu behindern.</p>"
                + "<p>Sie setzt voraus, dass jeder eine eigene Kopie des Archivs hat und Änderungen lokal festhalten kann.</p>"
                + "<p>Die Beispiele gelten für kleine Teams ebenso wie für große Projekte mit vielen Beteiligten und Zweigen.</p>"
                + "<p>Am Ende weiß jeder, welche Änderungen er noch umschreiben darf und welche schon anderen gehören.</p>"
                + "<p>Wer die Grundlagen kennt, kann die ersten Abschnitte überspringen und gleich mit dem Teilen beginnen.</p>"
                + "<p>Für alle Schritte genügt die Befehlszeile, eine grafische Oberfläche ist nicht nötig, aber erlaubt.</p>"
                + "<p>Jeder Abschnitt endet mit einem Beispiel, das sich in wenigen Minuten selbst nachvollziehen lässt.</p>"
                + section.formatted("sharing-with-a-single-developer", "Mit einem Entwickler teilen")
                + section.formatted("sharing-with-multiple-developers", "Mit mehreren Entwicklern teilen")
                + section.formatted("comments", "Kommentare")
                + "</div></body></html>";

        ParsedArticle article = reader.read(page);

        // Each section's id, made from its heading, says "sharing"; the comments' says what they are. The headline line,
        // seven paragraphs and two sections of a subheading and three paragraphs each: not a line of the comments.
        assertThat(article.text().paragraphs()).contains("Mit einem Entwickler teilen", "Mit mehreren Entwicklern teilen")
                .noneMatch(p -> p.contains("Kommentare")).hasSize(1 + 7 + 2 * 4);
    }

    @Test
    void aPageOfShortLinesOnlyIsReadNotRefused() throws Exception {
        String page = """
                <html><head><title>Testfälle</title></head><body><div>
                <p>Testfall 1</p>
                <p>Testfall 2</p>
                </div></body></html>""";

        ParsedArticle article = reader.read(page);

        // Short lines without a full stop are trimmed at the edges of a text, but not when they are all the page holds.
        assertThat(article.text().paragraphs()).endsWith("Testfall 1", "Testfall 2");
    }

    @Test
    void leavesOutAParagraphClassedAsACaptionButKeepsParagraphsWithOtherClasses() throws Exception {
        String page = """
                <html><body><article><h1>Neue Präsidentin gewählt</h1>
                <p class="intro-text">Die Delegierten haben am Dienstag in Freiburg eine neue Präsidentin gewählt, mit großer Mehrheit.</p>
                <div class="media"><p class="media__caption">Die neue Präsidentin nach der Wahl. Foto: Verband / Müller.</p></div>
                <p class="print-friendly">Sie folgt auf ihren Vorgänger, der nach zwei Amtszeiten nicht mehr antreten durfte.</p>
                <p>Ihre erste Aufgabe wird es sein, die Finanzierung der Beratungsstellen zu sichern, sagte sie.</p>
                </article></body></html>""";

        // A paragraph's class is read for the strong furniture words only: "print" says nothing about it.
        assertThat(reader.read(page).text().paragraphs()).noneMatch(p -> p.contains("Foto"))
                .contains("Sie folgt auf ihren Vorgänger, der nach zwei Amtszeiten nicht mehr antreten durfte.")
                .anyMatch(p -> p.startsWith("Die Delegierten"));
    }

    @Test
    void leavesOutAuthorBoxesImageDescriptionsRatingsAndConsentPlaceholders() throws Exception {
        String page = """
                <html><body><div class="text">
                <p>Der Streamingmarkt wächst weiter, auch wenn die Zahl der Abonnenten zuletzt langsamer gestiegen ist als erwartet.</p>
                <div class="Author_InfoContainer"><p>Anna Schmidt ist Redakteurin in der Wirtschaft.</p></div>
                <p>Die Anbieter setzen deshalb auf Werbung, günstigere Tarife und Sport, um neue Kunden zu gewinnen.</p>
                <div class="embed third-party--placeholder"><p>Wir respektieren deine Privatsphäre. Zum Anzeigen bitte zustimmen.</p></div>
                <p>Ob das reicht, wird sich im nächsten Jahr zeigen, wenn die ersten Zahlen vorliegen.</p>
                <h5 class="bilduntertitel">Ein Fernseher im Wohnzimmer, auf dem eine Serie läuft.</h5>
                <p>Die Branche selbst gibt sich zuversichtlich, dass die Zahlen wieder steigen werden.</p>
                <span class="post-ratings">(Noch keine Bewertungen)</span>
                </div></body></html>""";

        assertThat(reader.read(page).text().paragraphs()).hasSize(4)
                .noneMatch(p -> p.contains("Redakteurin") || p.contains("Privatsphäre") || p.contains("Fernseher") || p.contains("Bewertungen"));
    }

    @Test
    void leavesOutLegendsAuthorCardsInfoBoxesDownloadListsAndAppStoreBoxes() throws Exception {
        String page = """
                <html><body><div class="text">
                <p>Der Hirschkäfer ist selten geworden, seit die alten Eichenwälder im Mittelland gerodet worden sind.</p>
                <div class="legend">Ein Hirschkäfer auf einer Eiche, aufgenommen im Juni im Jura.</div>
                <p>Der neue Aktionsplan sieht vor, alte Bäume stehen zu lassen und totes Holz im Wald zu belassen.</p>
                <div class="author">Peter Keller schreibt über Natur und Umwelt. Er lebt in Bern.</div>
                <p>Förster und Waldbesitzer erhalten dafür Beiträge, wie das Bundesamt für Umwelt mitteilt.</p>
                <div id="ca_info">Was sind Cookies? Cookies sind kleine Dateien, die eine Website speichert.</div>
                <p>Erste Ergebnisse soll es in fünf Jahren geben, wenn die Käfer wieder gezählt worden sind.</p>
                <div class="appstores">Lesen Sie das Magazin auch in der App, für Android und iOS.</div>
                <p>Bis dahin bitten die Fachleute um Meldungen von Funden, mit Foto und Ort.</p>
                <div class="downloads">Aktionsplan Hirschkäfer (PDF, 2 MB). Faktenblatt (PDF, 1 MB).</div>
                </div></body></html>""";

        assertThat(reader.read(page).text().paragraphs()).hasSize(5).noneMatch(p -> p.contains("aufgenommen")
                || p.contains("schreibt über") || p.contains("Cookies") || p.contains("App,") || p.contains("PDF"));
    }

    @Test
    void leavesOutARelatedListWhoseArticlesAreClassedAsTeasers() throws Exception {
        String page = """
                <html><body><div class="content">
                <p>Der Handel mit Pelzen ist in der Schweiz erlaubt, doch Pelze müssen seit 2013 deklariert werden, sagt das Amt.</p>
                <p>Bei Kontrollen in diesem Jahr fehlte die Angabe bei jedem dritten Stück, in Boutiquen wie in Warenhäusern.</p>
                <p>Der Tierschutz fordert deshalb strengere Strafen und mehr Kontrollen in den Läden, auch im Onlinehandel.</p>
                <div class="field--name-field-related-articles">
                <article class="node node--view-mode-teaser"><p>Ein Nerzmantel ist an die Polizei übergeben worden, weil die Herkunft unklar war.</p></article>
                </div></div></body></html>""";

        // The article elements inside are the teasers of other articles, which do not make the list article text.
        assertThat(reader.read(page).text().paragraphs()).hasSize(3).noneMatch(p -> p.contains("Nerzmantel"));
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
