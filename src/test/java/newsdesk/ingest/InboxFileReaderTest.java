package newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's read of an inbox file: the bytes and the checks come from one handle that does not follow links. */
class InboxFileReaderTest {

    private static final String SECRET = "GEHEIM: der Schlüssel liegt im Tresor.\n";

    @TempDir
    Path root;

    private final InboxFileReader reader = new InboxFileReader(1024);

    @Test
    void readsARegularFile() throws Exception {
        Path file = Files.writeString(root.resolve("artikel.txt"), "Die Regierung tagt.\n");
        assertThat(new String(reader.read(file.toString()), StandardCharsets.UTF_8)).isEqualTo("Die Regierung tagt.\n");
    }

    /**
     * The race of issue 10: the file was a regular file when the poll picked it up (the old check ran
     * then), and is a symbolic link to a secret by the time a worker reads it. The read refuses it
     * and never returns the secret; before, Camel read the link's target.
     */
    @Test
    void aFileSwappedForASymbolicLinkAfterThePickUpIsNeverRead() throws Exception {
        Path secret = Files.writeString(root.resolve("geheim.txt"), SECRET);
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Path file = Files.writeString(inbox.resolve("artikel.txt"), "Die Regierung tagt.\n");
        String pickedUp = file.toString();
        assertThat(Files.isRegularFile(file)).as("a regular file when picked up").isTrue();

        Files.delete(file);
        Files.createSymbolicLink(file, secret);

        assertThatThrownBy(() -> reader.read(pickedUp)).isInstanceOf(UnprocessableArticleException.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void aHardLinkToAFileOutsideTheInboxIsRefused() throws Exception {
        Path secret = Files.writeString(root.resolve("geheim.txt"), SECRET);
        Path link = Files.createLink(Files.createDirectories(root.resolve("inbox")).resolve("artikel.txt"), secret);
        assertThatThrownBy(() -> reader.read(link.toString())).isInstanceOf(UnprocessableArticleException.class)
                .hasMessageContaining("2 names (hard links)");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithoutReadingItWhole() throws Exception {
        Path big = Files.write(root.resolve("gross.txt"), new byte[1025]);
        assertThatThrownBy(() -> reader.read(big.toString())).isInstanceOf(UnprocessableArticleException.class)
                .hasMessageContaining("1025 bytes, more than the limit of 1024");
    }

    /** A named pipe is refused before it is opened: opening it would wait for a writer for ever. */
    @Test
    void aNamedPipeIsRefusedWithoutBlocking() throws Exception {
        Path fifo = root.resolve("pipe.txt");
        Process mkfifo = new ProcessBuilder(List.of("mkfifo", fifo.toString())).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
        assertThatThrownBy(() -> reader.read(fifo.toString())).isInstanceOf(UnprocessableArticleException.class)
                .hasMessage("The file is not a regular file.");
    }
}
