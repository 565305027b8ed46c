package newsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import newsdesk.deeplsim.DeeplSimulator;
import newsdesk.http.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.HasAuthentication;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.WebDriver;

/**
 * The status page in headless Chromium behind sign-in (newsdesk.http.users-file): without credentials the browser
 * gets 401 and no page; signed in, an article sent over HTTP appears on it, its status and result a click away.
 */
class SignedInStatusPageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClients EDITOR = HttpClients.EDITOR;

    @TempDir
    Path dir;

    @Test
    void showsThePageOnlyToASignedInUser() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Path log = dir.resolve("out.log");
            int port = Articles.freePort();
            WebDriver browser = StatusPageIT.chromium();
            try {
                Process process = EDITOR.startJar(dir, deepl, port, log);
                try {
                    browser.get("http://127.0.0.1:" + port + "/");
                    assertThat(browser.findElements(By.id("desks"))).as("the page without credentials").isEmpty();
                    assertThat(browser.getPageSource()).doesNotContain("status.js");

                    String article = "Neue Brücke für die Altstadt\n\nDer Stadtrat hat am Donnerstag den Bau einer neuen Brücke "
                            + "über den Fluss beschlossen, die im nächsten Jahr fertig sein soll.\n";
                    var sent = HttpClients.send(EDITOR.signedIn(port, "/api/desks/default/articles?name=bruecke.txt")
                            .header("Content-Type", "text/plain; charset=utf-8")
                            .POST(BodyPublishers.ofString(article, StandardCharsets.UTF_8)));
                    assertThat(sent.statusCode()).isEqualTo(202);
                    String id = JSON.readTree(sent.body()).get("id").asText();

                    // The browser answers the server's Basic challenge for every request, as after a person signed in.
                    ((HasAuthentication) browser).register(UsernameAndPassword.of(EDITOR.user(), EDITOR.password()));
                    browser.get("http://127.0.0.1:" + port + "/");
                    await().atMost(Duration.ofSeconds(20)).until(() -> StatusPageIT.text(browser, "node").contains("Role: all"));
                    StatusPageIT.ShownArticle shown = StatusPageIT.shownArticle(browser, "Neue Brücke für die Altstadt");
                    assertThat(shown.id()).isEqualTo(id);

                    await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                        StatusPageIT.row(browser, "Neue Brücke für die Altstadt").findElement(By.linkText("JSON")).click();
                        return true;
                    });
                    await().atMost(Duration.ofSeconds(10)).until(() -> browser.getPageSource().contains("\"status\""));
                    JsonNode status = JSON.readTree(browser.findElement(By.tagName("pre")).getText());
                    assertThat(status.get("status").asText()).isEqualTo("delivered");
                    assertThat(status.at("/result/id").asText()).isEqualTo(id);
                } finally {
                    JarProcess.stop(process);
                }
            } finally {
                browser.quit();
            }
        }
    }
}
