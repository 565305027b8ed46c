package newsdesk.http;

import static org.awaitility.Awaitility.await;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import newsdesk.JarProcess;
import newsdesk.RunningNewsdesk;
import newsdesk.deeplsim.DeeplSimulator;

/** A user of a Newsdesk behind sign-in, as a CMS or a script is: its users file, and requests with or without its password. */
public record HttpClients(String user, String password) {

    public static final HttpClients EDITOR = new HttpClients("editor", "Redaktion-2026!");

    /** An htpasswd file with this user's bcrypt entry, as htpasswd -B writes it. */
    public Path usersFile(Path folder) throws IOException {
        String hash = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(5, password.toCharArray());
        return Files.writeString(folder.resolve("users.htpasswd"), "# Newsdesk users\n" + user + ":" + hash + "\n");
    }

    /** The jar on the DeepL simulator with sign-in by this user, its data in {@code dir}/data, its log in {@code log}; once ready. */
    public Process startJar(Path dir, DeeplSimulator deepl, int port, Path log) throws IOException {
        Process process = JarProcess.start(Map.of(
                "DEEPL_AUTH_KEY", RunningNewsdesk.AUTH_KEY,
                "DEEPL_SERVER_URL", deepl.url(),
                "NEWSDESK_DATA_DIR", dir.resolve("data").toString(),
                "NEWSDESK_MONITORING_PORT", String.valueOf(port),
                "NEWSDESK_HTTP_USERS_FILE", usersFile(dir).toString()), log);
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(log).contains("Newsdesk watches"));
        return process;
    }

    public String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    public HttpRequest.Builder signedIn(int port, String path) {
        return request(port, path).header("Authorization", basic());
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
