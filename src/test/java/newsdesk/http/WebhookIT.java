package newsdesk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import newsdesk.Articles;
import newsdesk.JarProcess;
import newsdesk.RunningNewsdesk;
import newsdesk.deeplsim.DeeplSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar delivering to a webhook: while the receiver answers 503 the originals wait in the inbox and nothing goes to
 * error/; once it takes them, each result arrives signed with the secret; a result it refuses (400) goes to error/
 * with the receiver's status; and the retries bill nothing again.
 */
class WebhookIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "webhook-secret-4b1f";
    private static final Duration BUSY = Duration.ofSeconds(25);

    @TempDir
    Path dir;

    /** What the receiver took (answered 200), by the X-Newsdesk-Id header. */
    private final Map<String, byte[]> taken = new ConcurrentHashMap<>();
    private final Map<String, String> signatures = new ConcurrentHashMap<>();
    private volatile long busyUntil = Long.MAX_VALUE;

    @Test
    void resultsWaitWhileTheReceiverIsBusyThenArriveSignedAndARefusedOneGoesToError() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", this::receive);
        receiver.start();
        try (DeeplSimulator deepl = DeeplSimulator.start(RunningNewsdesk.AUTH_KEY)) {
            Path data = dir.resolve("data");
            Path log = dir.resolve("out.log");
            Path secretFile = Files.writeString(dir.resolve("webhook.secret"), SECRET + "\n");
            Process process = JarProcess.start(Map.of(
                    "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                    "DEEPL_SERVER_URL", deepl.url(),
                    "NEWSDESK_DATA_DIR", data.toString(),
                    "NEWSDESK_MONITORING_PORT", String.valueOf(Articles.freePort()),
                    "NEWSDESK_DELIVER_TARGETS", "file,webhook",
                    "NEWSDESK_DELIVER_WEBHOOK_URL", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "NEWSDESK_DELIVER_WEBHOOK_SECRET_FILE", secretFile.toString()), log);
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(log).contains("Newsdesk watches"));
                busyUntil = System.currentTimeMillis() + BUSY.toMillis();
                List<byte[]> articles = IntStream.rangeClosed(1, 5).mapToObj(Articles::numbered).toList();
                for (int i = 0; i < articles.size(); i++) {
                    Files.write(data.resolve("inbox/meldung-" + (i + 1) + ".txt"), articles.get(i));
                }

                // While the receiver is busy: every original waits in the inbox, nothing is rejected.
                for (long check : List.of(8_000L, 20_000L)) {
                    Thread.sleep(Math.max(0, busyUntil - BUSY.toMillis() + check - System.currentTimeMillis()));
                    assertThat(names(data.resolve("inbox"))).as("after %d ms", check).hasSize(5);
                    assertThat(names(data.resolve("error"))).isEmpty();
                    assertThat(taken).isEmpty();
                }

                await().atMost(Duration.ofSeconds(90)).until(() -> taken.size() == 5);
                for (int i = 0; i < articles.size(); i++) {
                    String id = Articles.sha256(articles.get(i));
                    byte[] body = taken.get(id);
                    assertThat(body).as("meldung-%d", i + 1).isNotNull();
                    assertThat(signatures.get(id)).isEqualTo("sha256=" + hmac(body));
                    JsonNode result = JSON.readTree(body);
                    assertThat(result.get("id").asText()).isEqualTo(id);
                    assertThat(result.at("/source/file").asText()).isEqualTo("meldung-" + (i + 1) + ".txt");
                    assertThat(result).isEqualTo(JSON.readTree(data.resolve("outbox/meldung-" + (i + 1) + ".json").toFile()));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> names(data.resolve("archive")).size() == 5);
                assertThat(names(data.resolve("error"))).isEmpty();

                // A result the receiver refuses.
                byte[] refused = Articles.numbered(6);
                Files.write(data.resolve("inbox/refused.txt"), refused);
                await().atMost(Duration.ofSeconds(30)).until(() -> names(data.resolve("error")).size() == 2);
                Path report = data.resolve("error").resolve(names(data.resolve("error")).stream()
                        .filter(name -> name.endsWith(".error.json")).findFirst().orElseThrow());
                assertThat(Files.readString(report)).contains("400").contains("refused.txt").doesNotContain("/hook");
                assertThat(names(data.resolve("inbox"))).isEmpty();

                long source = Stream.concat(articles.stream(), Stream.of(refused))
                        .mapToLong(bytes -> new String(bytes, StandardCharsets.UTF_8).length()).sum();
                assertThat(deepl.billedCharacters()).isPositive().isLessThanOrEqualTo((long) (source * 1.02));
            } finally {
                JarProcess.stop(process);
            }
            assertThat(Files.readString(log)).doesNotContain(SECRET).doesNotContain(RunningNewsdesk.AUTH_KEY);
        } finally {
            receiver.stop(0);
        }
    }

    private void receive(HttpExchange request) throws IOException {
        byte[] body = request.getRequestBody().readAllBytes();
        int status;
        if (System.currentTimeMillis() < busyUntil) {
            status = 503;
        } else if (JSON.readTree(body).at("/source/file").asText().startsWith("refused")) {
            status = 400;
        } else {
            status = 200;
            String id = request.getRequestHeaders().getFirst("X-Newsdesk-Id");
            taken.put(id, body);
            signatures.put(id, request.getRequestHeaders().getFirst("X-Newsdesk-Signature"));
        }
        byte[] answer = (status == 400 ? "{\"error\": \"no articles about budgets\"}" : "ok").getBytes(StandardCharsets.UTF_8);
        request.sendResponseHeaders(status, answer.length);
        request.getResponseBody().write(answer);
        request.close();
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith(".")).sorted().toList();
        }
    }
}
