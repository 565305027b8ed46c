package newsdesk.http;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** A user of a Newsdesk behind sign-in, as a CMS or a script is: its users file, and requests with or without its password. */
public record HttpClients(String user, String password) {

    public static final HttpClients EDITOR = new HttpClients("editor", "Redaktion-2026!");

    /** An htpasswd file with this user's bcrypt entry, as htpasswd -B writes it. */
    public Path usersFile(Path folder) throws IOException {
        String hash = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(5, password.toCharArray());
        return Files.writeString(folder.resolve("users.htpasswd"), "# Newsdesk users\n" + user + ":" + hash + "\n");
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
