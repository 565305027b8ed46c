package newsdesk.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.deepl.api.DeepLException;
import jakarta.jms.JMSException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import newsdesk.MutableClock;
import newsdesk.budget.DeeplBudgetUsedUpException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileComponent;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which failures are an article's own (read from routes/errors.camel.yaml), and how attempts are counted and forgotten. */
class ArticleAttemptsTest {

    private final CamelContext context = new DefaultCamelContext();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-08T10:00:00Z"));
    private final ArticleAttempts attempts = new ArticleAttempts(context, 3, 1000, clock);

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void whatTheOtherHandlersTakeAnywhereAmongTheCausesIsNotTheArticlesOwn() throws Exception {
        context.getRegistry().bind("storagePause", new StoragePause(new ServiceState(context, Clock.systemUTC(), 1000, 0), 1000, context));
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "file:" + Path.of("routes/errors.camel.yaml").toAbsolutePath()));

        assertThat(attempts.articlesOwn(failingWith(new IllegalStateException("a reader's bug")))).isTrue();
        assertThat(attempts.articlesOwn(failingWith(new RuntimeException(new NullPointerException())))).isTrue();
        assertThat(attempts.articlesOwn(failingWith(new StackOverflowError()))).isTrue();
        // A state or a broker, however deep inside: the handlers that pause or retry take it.
        assertThat(attempts.articlesOwn(failingWith(new WorkPausedException("DeepL does not answer.")))).isFalse();
        assertThat(attempts.articlesOwn(failingWith(new RuntimeException(new DeeplBudgetUsedUpException("used up"))))).isFalse();
        assertThat(attempts.articlesOwn(failingWith(new IllegalStateException(new JMSException("broker gone"))))).isFalse();
        assertThat(attempts.articlesOwn(failingWith(new DeepLException("429")))).isFalse();
        // A write that failed: the storage handler takes it only when its folder takes no writes (its onWhen).
        assertThat(attempts.articlesOwn(failingWith(new GenericFileOperationFailedException("Cannot write file",
                new IOException("No space left on device"))))).isFalse();
        assertThat(attempts.articlesOwn(failingWith(new GenericFileOperationFailedException("Cannot write file",
                new IOException("Is a directory"))))).isTrue();
    }

    private Exchange failingWith(Throwable failure) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setException(failure);
        return exchange;
    }

    @Test
    void theThirdFailureOfAFileIsItsLastAndAFileWrittenAnewStartsAfresh() {
        assertThat(attempts.lastAttempt(fileExchange("a.txt", 100, 1))).isFalse();
        assertThat(attempts.lastAttempt(fileExchange("a.txt", 100, 1))).isFalse();
        assertThat(attempts.lastAttempt(fileExchange("b.txt", 100, 1))).as("another file").isFalse();
        Exchange third = fileExchange("a.txt", 100, 1);
        assertThat(attempts.lastAttempt(third)).isTrue();
        assertThat(third.getProperty(ArticleAttempts.ATTEMPT)).isEqualTo(3);
        // Given up on and forgotten: dropped again, it has its three attempts again.
        assertThat(attempts.lastAttempt(fileExchange("a.txt", 100, 1))).isFalse();
        // The same name written anew (another size or time) is another article.
        assertThat(attempts.lastAttempt(fileExchange("b.txt", 120, 2))).isFalse();
        assertThat(attempts.lastAttempt(fileExchange("b.txt", 100, 1))).isFalse();
        assertThat(attempts.lastAttempt(fileExchange("b.txt", 100, 1))).isTrue();
    }

    @Test
    void aFileThatFailedWaitsForItsNextAttemptTwiceAsLongEachTime() {
        Exchange first = fileExchange("a.txt", 100, 1);
        attempts.lastAttempt(first);
        assertThat(first.getProperty(ArticleAttempts.RETRY)).isEqualTo("It stays in the inbox and is tried again in 1 s.");
        assertThat(attempts.waitsForRetry(file("a.txt", 100, 1))).isTrue();
        assertThat(attempts.waitsForRetry(file("b.txt", 100, 1))).as("another file").isFalse();
        assertThat(attempts.waitsForRetry(file("a.txt", 120, 2))).as("the file written anew").isFalse();
        clock.now = clock.now.plusMillis(999);
        assertThat(attempts.waitsForRetry(file("a.txt", 100, 1))).isTrue();
        clock.now = clock.now.plusMillis(1);
        assertThat(attempts.waitsForRetry(file("a.txt", 100, 1))).isFalse();

        Exchange second = fileExchange("a.txt", 100, 1);
        attempts.lastAttempt(second);
        assertThat(second.getProperty(ArticleAttempts.RETRY)).isEqualTo("It stays in the inbox and is tried again in 2 s.");
        clock.now = clock.now.plusMillis(1999);
        assertThat(attempts.waitsForRetry(file("a.txt", 100, 1))).isTrue();
        clock.now = clock.now.plusMillis(1);
        assertThat(attempts.waitsForRetry(file("a.txt", 100, 1))).isFalse();

        // The last attempt: the file goes to error/ and nothing waits.
        assertThat(attempts.lastAttempt(fileExchange("a.txt", 100, 1))).isTrue();
        assertThat(attempts.waitsForRetry(file("a.txt", 100, 1))).isFalse();
    }

    @Test
    void theWaitDoublesUpToTenMinutes() {
        ArticleAttempts many = new ArticleAttempts(context, 100, 1000, clock);
        for (int i = 0; i < 30; i++) {
            many.lastAttempt(fileExchange("a.txt", 100, 1));
        }
        clock.now = clock.now.plusMillis(ArticleAttempts.MAX_RETRY_DELAY_MS - 1);
        assertThat(many.waitsForRetry(file("a.txt", 100, 1))).isTrue();
        clock.now = clock.now.plusMillis(1);
        assertThat(many.waitsForRetry(file("a.txt", 100, 1))).isFalse();
    }

    @Test
    void onAWorkerTheMessageIsCounted() {
        for (int i = 1; i <= 3; i++) {
            Exchange exchange = messageExchange("sports", "abc123", "a.txt");
            assertThat(attempts.lastAttempt(exchange)).isEqualTo(i == 3);
            assertThat(exchange.getProperty(ArticleAttempts.RETRY)).isEqualTo("It goes back on the work queue and is tried again.");
        }
        assertThat(attempts.lastAttempt(messageExchange("news", "abc123", "a.txt"))).as("another desk").isFalse();
    }

    @Test
    void theMemoryIsBounded() {
        attempts.lastAttempt(fileExchange("first.txt", 1, 1));
        attempts.lastAttempt(fileExchange("first.txt", 1, 1));
        for (int i = 0; i < ArticleAttempts.REMEMBERED; i++) {
            attempts.lastAttempt(fileExchange("other-" + i + ".txt", 1, 1));
        }
        Exchange again = fileExchange("first.txt", 1, 1);
        attempts.lastAttempt(again);
        assertThat(again.getProperty(ArticleAttempts.ATTEMPT)).as("forgotten, the least recent of too many").isEqualTo(1);
    }

    @Test
    void theReasonNamesTheInnermostCauseAndHowOftenItWasTried() {
        Exchange exchange = fileExchange("a.txt", 1, 1);
        exchange.setException(new IllegalStateException("wrapper", new IOException("Disk quota of this folder exceeded")));
        assertThat(attempts.gaveUp(exchange)).hasMessage(
                "It failed 3 times (newsdesk.article.max-attempts), the last time with IOException: Disk quota of this folder exceeded.");
    }

    private static GenericFile<File> file(String name, long size, long lastModified) {
        GenericFile<File> file = new GenericFile<>();
        file.setAbsoluteFilePath("/data/inbox/" + name);
        file.setFileLength(size);
        file.setLastModified(lastModified);
        return file;
    }

    private Exchange fileExchange(String name, long size, long lastModified) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(FileComponent.FILE_EXCHANGE_FILE, file(name, size, lastModified));
        exchange.setException(new IllegalStateException("a reader's bug"));
        return exchange;
    }

    private Exchange messageExchange(String desk, String id, String file) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty("desk", desk);
        exchange.setProperty("articleFile", file);
        exchange.getMessage().setHeader("NewsdeskId", id);
        exchange.setException(new IllegalStateException("a delivery step's bug"));
        return exchange;
    }
}
