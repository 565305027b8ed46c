package newsdesk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import newsdesk.Articles;
import newsdesk.JarProcess;
import newsdesk.MonitoringPort;
import newsdesk.RunningNewsdesk;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP intake of the jar behind sign-in: the sample German article sent by POST is delivered like a dropped
 * file, its status and result one GET away; the same bytes again cost nothing; what Newsdesk cannot take is refused
 * with the right status; every page but the probes needs credentials; and without a users file the jar will not
 * listen beyond this machine.
 */
class HttpIntakeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClients EDITOR = HttpClients.EDITOR;

    @TempDir
    Path dir;

    @Test
    void takesArticlesOverHttpBehindSignIn() throws Exception {
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Path data = dir.resolve("data");
            Path log = dir.resolve("out.log");
            int port = Articles.freePort();
            Process process = EDITOR.startJar(dir, deepl, port, log);
            try {
                byte[] sample = Articles.sample();
                String id = Articles.sha256(sample);

                HttpResponse<String> anonymous = HttpClients.send(post(HttpClients.request(port, "/api/desks/default/articles"), "text/plain", sample));
                assertThat(anonymous.statusCode()).isEqualTo(401);
                assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
                HttpResponse<String> wrong = HttpClients.send(post(new HttpClients("editor", "wrong").signedIn(port, "/api/desks/default/articles"),
                        "text/plain", sample));
                assertThat(wrong.statusCode()).isEqualTo(401);
                assertThat(data.resolve("inbox")).isEmptyDirectory();

                HttpResponse<String> accepted = HttpClients.send(post(EDITOR.signedIn(port, "/api/desks/default/articles?name=putin.txt"),
                        "text/plain; charset=utf-8", sample));
                assertThat(accepted.statusCode()).isEqualTo(202);
                assertThat(accepted.headers().firstValue("Location")).hasValue("/api/articles/" + id);
                JsonNode queued = JSON.readTree(accepted.body());
                assertThat(queued.get("id").asText()).isEqualTo(id);
                assertThat(queued.get("desk").asText()).isEqualTo("default");
                assertThat(queued.get("file").asText()).isEqualTo("putin.txt");
                assertThat(queued.get("status").asText()).isEqualTo("queued");

                JsonNode delivered = awaitStatus(port, id, "delivered", Duration.ofSeconds(15));
                JsonNode outbox = JSON.readTree(data.resolve("outbox/putin.json").toFile());
                assertThat(delivered.get("result")).isEqualTo(outbox);
                assertThat(outbox.get("id").asText()).isEqualTo(id);
                long billed = deepl.billedCharacters();
                assertThat(billed).isPositive();

                // The same bytes again, once the first is archived: the same id, through the inbox again, nothing billed.
                await().atMost(Duration.ofSeconds(10)).until(() -> files(data.resolve("archive")) == 1);
                HttpResponse<String> again = HttpClients.send(post(EDITOR.signedIn(port, "/api/desks/default/articles?name=putin.txt"),
                        "text/plain", sample));
                assertThat(again.statusCode()).isEqualTo(202);
                assertThat(JSON.readTree(again.body()).get("id").asText()).isEqualTo(id);
                await().atMost(Duration.ofSeconds(15)).until(() -> JarProcess.countLines(log, "Translated putin.txt") == 2);
                assertThat(deepl.billedCharacters()).isEqualTo(billed);
                assertThat(JSON.readTree(data.resolve("outbox/putin.json").toFile()).at("/translation/billedCharacters").asLong()).isZero();

                // gzip, the name from Content-Disposition.
                byte[] other = Articles.numbered(1);
                HttpResponse<String> gzipped = HttpClients.send(post(EDITOR.signedIn(port, "/api/desks/default/articles")
                        .header("Content-Encoding", "gzip").header("Content-Disposition", "attachment; filename=\"rat.txt\""),
                        "text/plain", gzip(other)));
                assertThat(gzipped.statusCode()).isEqualTo(202);
                assertThat(JSON.readTree(gzipped.body()).get("file").asText()).isEqualTo("rat.txt.gz");
                awaitStatus(port, JSON.readTree(gzipped.body()).get("id").asText(), "delivered", Duration.ofSeconds(15));

                // What Newsdesk does not take.
                assertThat(HttpClients.send(post(EDITOR.signedIn(port, "/api/desks/default/articles"), "text/plain",
                        new byte[3 * 1024 * 1024])).statusCode()).isEqualTo(413);
                assertThat(HttpClients.send(post(EDITOR.signedIn(port, "/api/desks/sport/articles"), "text/plain", sample)).statusCode())
                        .isEqualTo(404);
                assertThat(HttpClients.send(post(EDITOR.signedIn(port, "/api/desks/default/articles"), "application/pdf", sample)).statusCode())
                        .isEqualTo(415);
                assertThat(HttpClients.send(EDITOR.signedIn(port, "/api/articles/" + "0".repeat(64))).statusCode()).isEqualTo(404);
                // A page of another site posting with the credentials the browser keeps (a form can): refused.
                assertThat(HttpClients.send(post(EDITOR.signedIn(port, "/api/desks/default/articles").header("Origin", "http://evil.example"),
                        "text/plain", Articles.numbered(4))).statusCode()).isEqualTo(403);

                // A rejected article says why.
                HttpResponse<String> markup = HttpClients.send(post(EDITOR.signedIn(port, "/api/desks/default/articles?name=leer"),
                        "text/plain", "<html><body><p>Kein Artikel</p></body></html>\n".getBytes()));
                JsonNode rejected = awaitStatus(port, JSON.readTree(markup.body()).get("id").asText(), "rejected", Duration.ofSeconds(15));
                assertThat(rejected.get("reason").asText()).contains("markup");

                // Every page but the probes needs credentials.
                for (String path : List.of("/", "/status.js", "/api/status", "/api/articles", "/api/articles/" + id, "/observe/metrics",
                        "/observe/health")) {
                    assertThat(HttpClients.send(HttpClients.request(port, path)).statusCode()).as(path).isEqualTo(401);
                    assertThat(HttpClients.send(EDITOR.signedIn(port, path)).statusCode()).as(path).isEqualTo(200);
                }
                for (String probe : List.of("/observe/health/live", "/observe/health/ready")) {
                    assertThat(HttpClients.send(HttpClients.request(port, probe)).statusCode()).as(probe).isIn(200, 503);
                }
                // A page of another site reaching this port by DNS rebinding gets nothing, even with the editor's credentials.
                for (String path : List.of("/api/articles", "/api/status", "/observe/health/ready")) {
                    assertThat(MonitoringPort.getAs(port, path, "evil.example", "Authorization: " + EDITOR.basic())).as(path).startsWith("HTTP/1.1 421");
                }

                // While Newsdesk is paused (DeepL's quota used up), intake answers 503 with Retry-After.
                deepl.failWith(456);
                HttpClients.send(post(EDITOR.signedIn(port, "/api/desks/default/articles?name=quota"), "text/plain", Articles.numbered(2)));
                await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(log).contains("[deepl-refuses]"));
                HttpResponse<String> paused = HttpClients.send(post(EDITOR.signedIn(port, "/api/desks/default/articles"), "text/plain",
                        Articles.numbered(3)));
                assertThat(paused.statusCode()).isEqualTo(503);
                assertThat(paused.headers().firstValue("Retry-After")).hasValueSatisfying(value -> assertThat(Integer.parseInt(value)).isPositive());
            } finally {
                JarProcess.stop(process);
            }
            assertThat(Files.readString(log)).doesNotContain(RunningNewsdesk.AUTH_KEY).doesNotContain(EDITOR.password());
        }
    }

    @Test
    void listensBeyondThisMachineOnlyWithAUsersFile() throws Exception {
        JarProcess.Run run = JarProcess.run(Path.of("."), Map.of("DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                "NEWSDESK_DATA_DIR", dir.resolve("data").toString(),
                "NEWSDESK_MONITORING_PORT", String.valueOf(Articles.freePort()),
                "NEWSDESK_MONITORING_HOST", "0.0.0.0"));

        assertThat(run.exitCode()).isEqualTo(2);
        String output = run.out() + run.err();
        assertThat(output.lines().filter(line -> line.contains("ERROR"))).singleElement().asString()
                .contains("NEWSDESK_MONITORING_HOST (newsdesk.monitoring.host) is 0.0.0.0", "NEWSDESK_HTTP_USERS_FILE");
        assertThat(output).doesNotContain("\tat ");
    }

    private static java.net.http.HttpRequest.Builder post(java.net.http.HttpRequest.Builder request, String type, byte[] body) {
        return request.header("Content-Type", type).POST(BodyPublishers.ofByteArray(body));
    }

    private static JsonNode awaitStatus(int port, String id, String status, Duration within) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> answer = HttpClients.send(EDITOR.signedIn(port, "/api/articles/" + id));
            last[0] = answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
            return last[0] != null && last[0].get("status").asText().equals(status);
        });
        return last[0];
    }

    private static long files(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }

    private static byte[] gzip(byte[] bytes) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
