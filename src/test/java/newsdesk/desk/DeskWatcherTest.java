package newsdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.deepl.api.DeepLClient;
import com.deepl.api.DeepLClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import newsdesk.LogCapture;
import newsdesk.deeplsim.DeeplSimulator;
import newsdesk.glossary.GlossarySync;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher's mechanism on a real CamelContext with a small template of its own (inbox → a slow
 * step → outbox), so changes land while files are in flight. The jar's ITs run the real template.
 */
class DeskWatcherTest {

    @TempDir
    Path dir;
    private DeeplSimulator sim;
    private CamelContext context;
    private DeskWatcher watcher;
    private Path desks;

    @BeforeEach
    void start() throws Exception {
        sim = DeeplSimulator.start("k");
        context = unstartedContext();
        context.start();
        desks = Files.createDirectories(dir.resolve("routes/desks"));
        watcher = watcher(context);
    }

    /** A context with the template and the file target, not started yet. */
    private CamelContext unstartedContext() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().addInitialProperty("newsdesk.data-dir", dir.toString());
        context.getShutdownStrategy().setTimeout(30);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                routeTemplate("desk")
                        .templateParameter("desk")
                        .templateParameter("inbox", "{{newsdesk.data-dir}}/{{desk}}/inbox")
                        .templateParameter("outbox", "{{newsdesk.data-dir}}/{{desk}}/outbox")
                        .templateParameter("archive", "{{newsdesk.data-dir}}/{{desk}}/archive")
                        .templateParameter("error", "{{newsdesk.data-dir}}/{{desk}}/error")
                        .templateParameter("sourceLanguage", "DE")
                        .templateParameter("targetLanguage", "EN-US")
                        .templateParameter("translate", "full")
                        .templateParameter("summarySentences", "3")
                        .templateParameter("summaryMaxChars", "0")
                        .templateParameter("summaryLanguage", "target")
                        .templateParameter("glossary", "none")
                        .templateParameter("formality", "default")
                        .templateParameter("targets", "file")
                        .from("file:{{inbox}}?move={{archive}}/${file:name}&delay=50&initialDelay=0&readLock=none")
                        .delay(300)
                        .to("file:{{outbox}}");
                // The target every desk names; a desk naming one the service has no route for does not start.
                from("direct:deliver-to-file").routeId("deliver-to-file").log("delivered");
            }
        });
        return context;
    }

    private DeskWatcher watcher(CamelContext context) {
        DeepLClient client = new DeepLClient("k", (DeepLClientOptions) new DeepLClientOptions().setServerUrl(sim.url()));
        GlossarySync glossaries = new GlossarySync(client, dir.resolve("glossaries"));
        return new DeskWatcher(context, desks, dir.resolve("glossaries"), () -> glossaries, desk -> desk.name(), true,
                List.of(dir.resolve("cache")));
    }

    @AfterEach
    void stop() {
        context.stop();
        sim.close();
    }

    @Test
    void startsOneRoutePerDeskFileWithItsOwnFolders() throws Exception {
        desk("politics.camel.yaml", "politics", "");
        desk("sport.camel.yaml", "sport", "      - {name: targetLanguage, value: FR}\n");

        watcher.look();
        drop("politics", "a.txt");
        drop("sport", "b.txt");

        assertThat(context.getRoute("desk-politics")).isNotNull();
        assertThat(context.getRoute("desk-sport")).isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("politics/outbox/a.txt"))
                && Files.exists(dir.resolve("sport/outbox/b.txt")));
        assertThat(names("politics/outbox")).containsExactly("a.txt");
        assertThat(names("sport/outbox")).containsExactly("b.txt");
    }

    /** The service's first look comes before Camel makes its routes, so the desks start with all the others. */
    @Test
    void desksLookedAtBeforeTheStartStartWithTheContextAndAMissingTargetIsSaid() throws Exception {
        context.stop();
        context = unstartedContext();
        DeskWatcher first = watcher(context);
        desk("politics.camel.yaml", "politics", "");
        desk("sport.camel.yaml", "sport", "      - {name: targets, value: jms}\n");
        drop("politics", "a.txt");

        try (LogCapture log = new LogCapture()) {
            first.look();
            assertThat(context.getRoutes()).isEmpty();
            context.start();

            assertThat(context.getRoute("desk-politics")).isNotNull();
            assertThat(context.getRoute("desk-sport")).isNull();
            assertThat(first.desks()).containsOnlyKeys("politics");
            assertThat(log.messages(Level.ERROR, DeskWatcher.class.getName())).singleElement().asString()
                    .contains("targets names jms, which newsdesk.deliver.targets");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("politics/outbox/a.txt")));
    }

    @Test
    void aBrokenEditLeavesEveryDeskRunningAsItWas() throws Exception {
        desk("politics.camel.yaml", "politics", "");
        desk("sport.camel.yaml", "sport", "");
        watcher.look();
        Route sport = context.getRoute("desk-sport");

        desk("politics.camel.yaml", "politics", "      - {name: summarySentence, value: 2}\n");
        watcher.look();
        Files.writeString(desks.resolve("sport.camel.yaml"), "- templatedRoute: [\n");
        watcher.look();
        drop("politics", "a.txt");
        drop("sport", "b.txt");

        assertThat(context.getRoutes()).extracting(Route::getRouteId).containsExactlyInAnyOrder("deliver-to-file", "desk-politics", "desk-sport");
        assertThat(context.getRoute("desk-sport")).isSameAs(sport);
        assertThat(watcher.desks().get("politics").parameters()).doesNotContainKey("summarySentence");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("politics/outbox/a.txt"))
                && Files.exists(dir.resolve("sport/outbox/b.txt")));
    }

    @Test
    void changedAndRemovedDesksStopAfterTheirFilesInFlightAndLoseNone() throws Exception {
        desk("politics.camel.yaml", "politics", "");
        desk("sport.camel.yaml", "sport", "");
        watcher.look();
        Route sport = context.getRoute("desk-sport");
        for (int i = 0; i < 5; i++) {
            drop("politics", "p" + i + ".txt");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> context.getInflightRepository().size("desk-politics") > 0);

        // A new outbox for politics while its files are in flight: the route is replaced.
        desk("politics.camel.yaml", "politics", "      - {name: outbox, value: '" + dir.resolve("politics/outbox2") + "'}\n");
        watcher.look();
        for (int i = 5; i < 10; i++) {
            drop("politics", "p" + i + ".txt");
        }
        // The inbox file goes once its exchange completes, a moment after the result is written.
        await().atMost(Duration.ofSeconds(20)).until(() -> names("politics/outbox").size() + names("politics/outbox2").size() == 10
                && names("politics/inbox").isEmpty());
        assertThat(Stream.concat(names("politics/outbox").stream(), names("politics/outbox2").stream()).sorted().toList())
                .containsExactly("p0.txt", "p1.txt", "p2.txt", "p3.txt", "p4.txt", "p5.txt", "p6.txt", "p7.txt", "p8.txt", "p9.txt");
        assertThat(names("politics/outbox2")).contains("p5.txt", "p9.txt");

        // Removed while a file is in flight: that file is finished first.
        drop("sport", "s0.txt");
        await().atMost(Duration.ofSeconds(10)).until(() -> context.getInflightRepository().size("desk-sport") > 0);
        Files.delete(desks.resolve("sport.camel.yaml"));
        watcher.look();

        assertThat(context.getRoute("desk-sport")).isNull();
        assertThat(names("sport/outbox")).containsExactly("s0.txt");
        assertThat(sport).isNotNull();
    }

    @Test
    void aDeskWhoseGlossaryDeeplCannotTakeYetStartsOnceDeeplAnswers() throws Exception {
        Files.createDirectories(dir.resolve("glossaries"));
        Files.writeString(dir.resolve("glossaries/haus.yaml"), "dictionaries:\n  - {source: DE, target: EN, entries: {OVKS: CSTO}}\n");
        desk("politics.camel.yaml", "politics", "      - {name: glossary, value: haus}\n");
        desk("sport.camel.yaml", "sport", "");
        // Every request refused (403), at once rather than after the client's retries as when DeepL does not answer.
        sim.setAuthKey("another key");
        try (LogCapture log = new LogCapture()) {
            watcher.look();

            assertThat(context.getRoute("desk-sport")).isNotNull();
            assertThat(context.getRoute("desk-politics")).isNull();
            assertThat(log.messages(Level.ERROR, DeskWatcher.class.getName())).singleElement().asString()
                    .startsWith("Desk politics waits for DeepL to take its glossary 'haus' and starts once DeepL answers");
        }
        sim.setAuthKey("k");
        watcher.look();

        assertThat(context.getRoute("desk-politics")).isNotNull();
        assertThat(sim.glossaryNames()).singleElement().asString().startsWith("newsdesk:haus:");
    }

    @Test
    void twoDesksNeverShareAFolder() throws Exception {
        desk("a.camel.yaml", "a", "");
        desk("b.camel.yaml", "b", "      - {name: inbox, value: '" + dir.resolve("a/inbox") + "'}\n");

        watcher.look();

        assertThat(context.getRoute("desk-a")).isNotNull();
        assertThat(context.getRoute("desk-b")).isNull();
    }

    @Test
    void aNewDeskOnARunningDesksFolderIsTheBrokenEditWhateverTheFilesNames() throws Exception {
        LogCapture log = new LogCapture();
        try (log) {
            desk("z.camel.yaml", "z", "");
            watcher.look();
            desk("a.camel.yaml", "a", "      - {name: inbox, value: '" + dir.resolve("z/outbox") + "'}\n");
            Files.createDirectories(dir.resolve("z"));
            Files.createSymbolicLink(dir.resolve("z-inbox-link"), Files.createDirectories(dir.resolve("z/inbox")));
            desk("b.camel.yaml", "b", "      - {name: inbox, value: '" + dir.resolve("z-inbox-link") + "'}\n");
            watcher.look();
            drop("z", "c.txt");

            assertThat(context.getRoute("desk-z")).isNotNull();
            assertThat(context.getRoute("desk-a")).isNull();
            assertThat(context.getRoute("desk-b")).isNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> names("z/outbox").contains("c.txt"));
            assertThat(log.messages(Level.ERROR, DeskWatcher.class.getName())).satisfiesExactlyInAnyOrder(
                    error -> assertThat(error).startsWith("Desk file " + desks.resolve("a.camel.yaml") + ": folder ")
                            .contains("desk z's folder").doesNotContain("\n"),
                    error -> assertThat(error).startsWith("Desk file " + desks.resolve("b.camel.yaml") + ": folder ")
                            .contains("desk z's folder"));
        }
    }

    @Test
    void aRenameToARunningNameIsABrokenEditAndTheDeskThatFileHeldRunsOn() throws Exception {
        desk("default.camel.yaml", "default", "");
        desk("x8.camel.yaml", "x8", "");
        watcher.look();

        desk("x8.camel.yaml", "default", "");
        watcher.look();
        drop("x8", "a.txt");

        assertThat(context.getRoute("desk-x8")).isNotNull();
        assertThat(context.getRoute("desk-default")).isNotNull();
        assertThat(watcher.named("x8")).isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> names("x8/outbox").contains("a.txt"));
    }

    private void desk(String file, String name, String more) throws Exception {
        Files.writeString(desks.resolve(file), "- templatedRoute:\n    routeTemplateRef: desk\n    parameters:\n"
                + "      - name: desk\n        value: " + name + "\n" + more);
        // A later edit within the same millisecond would look unchanged.
        Thread.sleep(5);
    }

    private void drop(String desk, String name) throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve(desk + "/inbox")).resolve(name), "text of " + name);
    }

    private List<String> names(String folder) throws Exception {
        Path path = dir.resolve(folder);
        if (!Files.isDirectory(path)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted().toList();
        }
    }
}
