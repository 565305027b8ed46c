package newsdesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import newsdesk.translate.MissingSettingException;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The long-running service: Camel Main with config/application.properties and the routes in routes/.
 * SIGTERM and Ctrl-C stop it gracefully (the article in flight is finished) with exit code 0.
 */
public final class Service {

    /** Exit code when a required setting is missing. */
    public static final int EXIT_MISSING_SETTING = 2;

    private Service() {
    }

    public static int run(String[] args) throws Exception {
        String logConfig = logConfig(System.getenv("NEWSDESK_LOG_FORMAT"));
        if (System.getProperty("logback.configurationFile") == null && Files.exists(Path.of(logConfig))) {
            System.setProperty("logback.configurationFile", logConfig);
        }
        Preinitializer.start();
        warnIfFileNamesCannotBeUnicode();
        Main main = create(new Properties());
        Signal.handle(new Signal("TERM"), signal -> main.completed());
        Signal.handle(new Signal("INT"), signal -> main.completed());
        try {
            return main.run(args);
        } catch (Exception e) {
            MissingSettingException missing = missingSetting(e);
            if (missing == null) {
                throw e;
            }
            LoggerFactory.getLogger(Service.class).error(missing.getMessage());
            return EXIT_MISSING_SETTING;
        }
    }

    /** A Main set up as the service runs it; {@code overrides} replace settings, as tests need. */
    public static Main create(Properties overrides) {
        // Configuration classes are named here rather than found by scanning the newsdesk package,
        // which costs close to a second of CPU at start-up. A new one must be added here.
        Main main = new Main();
        main.configure().addConfiguration(NewsdeskBeans.class);
        main.setDefaultPropertyPlaceholderLocation("file:config/application.properties");
        main.setOverrideProperties(overrides);
        return main;
    }

    /**
     * NEWSDESK_LOG_FORMAT=json: one JSON object per line. Read from the environment, not the settings:
     * logging starts before they are.
     */
    static String logConfig(String format) {
        return "json".equalsIgnoreCase(format) ? "config/logback-json.xml" : "config/logback.xml";
    }

    /**
     * Java takes file names in the encoding of the locale; under LANG=C an inbox file named with an
     * umlaut or emoji cannot even be opened, and only the environment can change that.
     */
    private static void warnIfFileNamesCannotBeUnicode() {
        String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
        if (!encoding.equalsIgnoreCase("UTF-8")) {
            LoggerFactory.getLogger(Service.class).warn("File names are read as {}, so inbox files named with "
                    + "umlauts or emoji cannot be processed. Run Newsdesk with a UTF-8 locale, e.g. LANG=C.UTF-8.", encoding);
        }
    }

    private static MissingSettingException missingSetting(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MissingSettingException missing) {
                return missing;
            }
        }
        return null;
    }
}
