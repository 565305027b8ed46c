package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The status page of the jar in headless Chromium (Debian's chromium and chromedriver, installed by .ci/run):
 * an article dropped in the inbox appears on it with its result JSON a click away, a hostile headline and file
 * name are shown as text and run nothing, and a rejected file appears with its reason. The screenshot stays in
 * target/status-page.png.
 */
class StatusPageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE_TITLE = "Eilmeldung <script>window.newsdeskHacked = 1</script> "
            + "<img src=x onerror=\"window.newsdeskHacked = 2\"> im Rathaus";
    private static final String HOSTILE_FILE = "<img src=x onerror=window.newsdeskHacked=3>.txt";

    @TempDir
    Path dir;

    @Test
    void showsArticlesAndRejectedFilesAsTextInABrowser() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Path data = dir.resolve("data");
            Path log = dir.resolve("out.log");
            int port = Articles.freePort();
            WebDriver browser = chromium();
            try {
                Process process = JarProcess.start(Map.of(
                        "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                        "DEEPL_SERVER_URL", deepl.url(),
                        "NEWSDESK_DATA_DIR", data.toString(),
                        "NEWSDESK_DEEPL_SIMULATOR", "true",
                        "NEWSDESK_DEEPL_PAUSE_CHECK_MS", "1000",
                        "NEWSDESK_MONITORING_PORT", String.valueOf(port)), log);
                try {
                    await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(log).contains("Newsdesk watches"));
                    browser.get("http://127.0.0.1:" + port + "/");
                    await().atMost(Duration.ofSeconds(20)).until(() -> text(browser, "node").contains("Role: all (takes articles from the inbox, translates and delivers them). This node leads the inbox."));
                    assertThat(browser.findElement(By.id("simulator")).isDisplayed()).as("the simulator's banner").isTrue();
                    await().atMost(Duration.ofSeconds(10)).until(() -> text(browser, "paused").contains("none: taking new articles"));

                    drop(data, "kinder.txt", "Kinder in der Stadt\n\nDie Regierung hat am Montag über neue Spielplätze "
                            + "in der Stadt beraten, weil die Kinder dort mehr Platz brauchen.\n");
                    ShownArticle kinder = shownArticle(browser, "Kinder in der Stadt");
                    assertThat(kinder.cells().get(1)).isEqualTo("kinder.txt");
                    assertThat(kinder.cells().get(4)).contains("Spielplätze");
                    assertThat(text(browser, "desks")).contains("Delivered today: 1");

                    drop(data, "rathaus.txt", HOSTILE_TITLE + "\n\nDer Bürgermeister hat am Dienstag über den neuen "
                            + "Haushalt der Stadt gesprochen, der im nächsten Jahr gelten soll.\n");
                    assertThat(shownArticle(browser, HOSTILE_TITLE).cells().get(2)).isEqualTo(HOSTILE_TITLE);
                    drop(data, HOSTILE_FILE, "<html><body><p>Kein Artikel</p></body></html>\n");
                    await().atMost(Duration.ofSeconds(30)).until(() -> text(browser, "rejected").contains(HOSTILE_FILE));
                    assertThat(text(browser, "rejected")).contains("The file is HTML or XML markup, not plain text");
                    await().atMost(Duration.ofSeconds(10)).until(() -> text(browser, "desks").contains("Rejected today: 1"));

                    assertThat(((JavascriptExecutor) browser).executeScript("return window.newsdeskHacked")).as("script run").isNull();
                    assertThat(browser.findElements(By.tagName("img"))).isEmpty();
                    assertThat(browser.findElements(By.cssSelector("#desks script, #rejected script"))).isEmpty();
                    Files.write(Path.of("target/status-page.png"), ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
                    // A file of a type Newsdesk does not take stays in the inbox: counted, apart from the backlog.
                    drop(data, "report.pdf", "%PDF-1.4\n");
                    await().atMost(Duration.ofSeconds(20)).until(() -> text(browser, "desks").contains("Not taken (unsupported): 1"));
                    assertThat(text(browser, "desks")).contains("In the inbox: 0");

                    // The result JSON one click away, as delivered to the outbox.
                    // The page refreshes its rows every few seconds: a row found may be replaced before the click.
                    await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                        row(browser, "Kinder in der Stadt").findElement(By.linkText("JSON")).click();
                        return true;
                    });
                    await().atMost(Duration.ofSeconds(10)).until(() -> browser.getPageSource().contains(kinder.id()));
                    JsonNode outbox = JSON.readTree(data.resolve("outbox/kinder.json").toFile());
                    JsonNode shown = JSON.readTree(browser.findElement(By.tagName("pre")).getText());
                    assertThat(shown.get("status").asText()).isEqualTo("delivered");
                    assertThat(shown.get("result")).isEqualTo(outbox);

                    assertApi(port, kinder.id(), outbox);

                    showsWhyItIsPaused(browser, port, deepl, data);
                } finally {
                    JarProcess.stop(process);
                }
            } finally {
                browser.quit();
            }
            assertThat(Files.readString(log)).doesNotContain(RunningNewsdesk.AUTH_KEY);
        }
    }

    /** What scripts see: the same figures, no key, the security headers, and a 404 for anything not among the latest. */
    private static void assertApi(int port, String id, JsonNode outbox) throws Exception {
        HttpResponse<String> status = get(port, "/api/status");
        assertThat(status.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'").contains("script-src 'self'"));
        assertThat(status.body()).doesNotContain(RunningNewsdesk.AUTH_KEY);
        JsonNode json = JSON.readTree(status.body());
        assertThat(json.at("/node/role").asText()).isEqualTo("all");
        assertThat(json.at("/node/inboxLeader").asBoolean()).isTrue();
        assertThat(json.at("/desks/0/desk").asText()).isEqualTo("default");
        assertThat(json.at("/desks/0/delivered").asLong()).isEqualTo(2);
        assertThat(json.at("/desks/0/rejected").asLong()).isEqualTo(1);
        assertThat(json.at("/desks/0/backlog").asLong()).isZero();
        assertThat(json.at("/rejected/0/file").asText()).isEqualTo(HOSTILE_FILE);
        assertThat(json.at("/deepl/paused").asBoolean()).isFalse();
        assertThat(json.at("/deepl/budget/usedThisMonth").asLong())
                .isGreaterThanOrEqualTo(outbox.at("/translation/billedCharacters").asLong());

        JsonNode articles = JSON.readTree(get(port, "/api/articles?desk=default&limit=1").body());
        assertThat(articles).hasSize(1);
        assertThat(articles.get(0).get("originalTitle").asText()).isEqualTo(HOSTILE_TITLE);
        assertThat(articles.get(0).has("result")).isFalse();
        assertThat(JSON.readTree(get(port, "/api/articles/" + id).body()).get("result")).isEqualTo(outbox);
        assertThat(get(port, "/api/articles/no-such-id").statusCode()).isEqualTo(404);
        assertThat(get(port, "/api/articles?limit=0").statusCode()).isEqualTo(400);
        for (String path : List.of("/config/application.properties", "/status/index.html", "/api/articles/../../pom.xml")) {
            assertThat(get(port, path).body()).as(path).doesNotContain("newsdesk.").doesNotContain("<project");
        }
    }

    /** DeepL's quota used up: the page says why no article is taken and since when, until DeepL takes work again. */
    private static void showsWhyItIsPaused(WebDriver browser, int port, DeeplSimulator deepl, Path data) throws Exception {
        browser.get("http://127.0.0.1:" + port + "/");
        deepl.setCharacterLimit(0);
        drop(data, "quota.txt", "Quote erreicht\n\nDer Stadtrat hat am Mittwoch beschlossen, die Bibliothek im "
                + "nächsten Jahr zu erweitern.\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> text(browser, "paused").contains("deepl-refuses"));
        assertThat(text(browser, "paused")).contains("quota is used up (456)")
                .containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
        JsonNode paused = JSON.readTree(get(port, "/api/status").body()).get("paused");
        assertThat(paused).hasSize(1);
        assertThat(paused.at("/0/condition").asText()).isEqualTo("deepl-refuses");
        assertThat(text(browser, "paused")).contains(time(paused.at("/0/since").asText()));

        deepl.setCharacterLimit(Long.MAX_VALUE);
        await().atMost(Duration.ofSeconds(30)).until(() -> text(browser, "paused").contains("none: taking new articles"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(data.resolve("outbox/quota.json")));
    }

    /** A time as the page shows it. */
    private static String time(String iso) {
        return iso.replace('T', ' ').replaceAll("\\.\\d+Z$", "Z");
    }

    static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1200, 1000));
        return driver;
    }

    /** An article's row as the page shows it: its id and the text of its cells. */
    record ShownArticle(String id, List<String> cells) {
    }

    /** The article with this original headline, once the page shows it. */
    static ShownArticle shownArticle(WebDriver browser, String originalTitle) {
        return await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            WebElement row = row(browser, originalTitle);
            return new ShownArticle(row.getDomAttribute("data-id"),
                    row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        }, shown -> shown != null);
    }

    static WebElement row(WebDriver browser, String originalTitle) {
        return browser.findElements(By.cssSelector("tr.article")).stream()
                .filter(row -> row.findElements(By.tagName("td")).get(2).getText().equals(originalTitle))
                .findFirst().orElseThrow();
    }

    static String text(WebDriver browser, String elementId) {
        return browser.findElement(By.id(elementId)).getText();
    }

    private static void drop(Path data, String name, String content) throws Exception {
        Path draft = data.resolve("draft.tmp");
        Files.writeString(draft, content, StandardCharsets.UTF_8);
        Files.move(draft, data.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
