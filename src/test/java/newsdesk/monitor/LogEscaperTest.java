package newsdesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service's own config/logback.xml, encoding lines with hostile file names in them. */
class LogEscaperTest {

    private static final List<String> HOSTILE = List.of("\r", "\n", "\t", "\u0000", "\u0007", "\u001b", "\u007f", "\u0085",
            "\u009b", "\u2028", "\u2029", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
            "\u2069", "\u200e", "\u200f", "\u061c");

    private String line(String message, Throwable thrown) throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure("config/logback.xml");
        Logger logger = context.getLogger("newsdesk.articles");
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> console =
                (OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("console");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, message, thrown, null);
        String encoded = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
        context.stop();
        return encoded;
    }

    @Test
    void everyControlAndSeparatorInAMessageIsWrittenAsAnEscape() throws Exception {
        String name = "a" + String.join("b", HOSTILE) + "z.txt";
        String line = line("Rejected " + name + ": The file is empty.", null);
        assertThat(line).endsWith("\n");
        String body = line.substring(0, line.length() - 1);
        for (String c : HOSTILE) {
            assertThat(body).as("U+%04X", (int) c.charAt(0)).doesNotContain(c);
        }
        assertThat(body).contains("a\\rb\\nb\\tb\\u0000b\\u0007b\\u001bb\\u007fb\\u0085b\\u009bb\\u2028b\\u2029b\\u202ab")
                .contains("\\u200eb\\u200fb\\u061cz.txt: The file is empty.");
    }

    @Test
    void textWithoutControlsIsWrittenAsItIs() throws Exception {
        assertThat(line("Translated Grüße 🎉 aus Köln — «zitat».txt", null))
                .endsWith(" - Translated Grüße 🎉 aus Köln — «zitat».txt\n");
    }

    @Test
    void anExceptionStaysOnTheLineWithItsControlsEscaped() throws Exception {
        String line = line("Failed", new IllegalStateException("bad\u001b[2Jname\u2028x"));
        assertThat(line.lines()).hasSize(1);
        assertThat(line).contains("bad\\u001b[2Jname\\u2028x").doesNotContain("\u001b").doesNotContain("\u2028");
    }
}
