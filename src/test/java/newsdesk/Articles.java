package newsdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Articles for tests: the sample from the test resources, and small distinct German ones made on the spot. */
public final class Articles {

    private Articles() {
    }

    public static byte[] sample() {
        try (InputStream in = Articles.class.getResourceAsStream("/articles/de-putin-tokayev.txt")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short article whose text, and so whose id, differs for each {@code n}. */
    public static byte[] numbered(int n) {
        return ("Meldung Nummer " + n + "\n\n"
                + "Der Stadtrat hat am Montag über den Haushalt Nummer " + n + " beraten. "
                + "Die Mehrheit stimmte dem Entwurf zu. Die Opposition kritisierte die Ausgaben für Straßen.\n"
                + "Eine Entscheidung über weitere Projekte soll im Herbst fallen.\n").getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
