package newsdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import newsdesk.broker.BrokerBeans;
import newsdesk.desk.DeskWatcher;
import newsdesk.http.SignInSetup;
import newsdesk.intake.IntakeBeans;
import newsdesk.monitor.MonitoringAddress;
import newsdesk.monitor.MonitoringBeans;
import newsdesk.settings.KnownSettings;
import newsdesk.settings.SettingNameCheck;
import newsdesk.settings.SettingValueCheck;
import newsdesk.translate.DeeplBeans;
import newsdesk.translate.MissingSettingException;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListener;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The long-running service: Camel Main with config/application.properties and the routes in routes/,
 * both read from the project folder (the working directory, or NEWSDESK_HOME). SIGTERM and Ctrl-C stop
 * it gracefully (the article in flight is finished) with exit code 0. A setting it cannot work with
 * stops it at start with one line and exit code 2.
 */
public final class Service {

    /** Exit code when a setting is missing or wrong. */
    public static final int EXIT_MISSING_SETTING = 2;
    private static final String CONFIG_FILE = "config/application.properties";

    private Service() {
    }

    public static int run() throws Exception {
        return run(new Properties(), new MainListenerSupport());
    }

    /** The service with {@code overrides} replacing settings, and {@code listener} told of its start and stop (the demo's). */
    public static int run(Properties overrides, MainListener listener) throws Exception {
        Path home = home();
        Path config = home.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(config)) {
            // Before any logging: without config/logback.xml, logback would print its DEBUG set-up first.
            System.err.println("Newsdesk found no " + CONFIG_FILE + " in " + home.toAbsolutePath().normalize()
                    + ": run it from the project folder (the one holding config/ and routes/"
                    + projectFolderOfJar().map(folder -> ", e.g. cd " + folder).orElse("")
                    + "), or set NEWSDESK_HOME to that folder.");
            return EXIT_MISSING_SETTING;
        }
        Path logConfig = home.resolve(logConfig(System.getProperty("newsdesk.log-format", System.getenv("NEWSDESK_LOG_FORMAT"))));
        if (System.getProperty("logback.configurationFile") == null && Files.exists(logConfig)) {
            System.setProperty("logback.configurationFile", logConfig.toString());
        }
        Preinitializer.start();
        warnIfFileNamesCannotBeUnicode();
        Main main = create(overrides);
        main.addMainListener(listener);
        Signal.handle(new Signal("TERM"), signal -> main.completed());
        Signal.handle(new Signal("INT"), signal -> main.completed());
        try {
            main.run();
            return 0;
        } catch (Exception e) {
            // Marks the run as over, so Camel's shutdown hook does not report a SIGTERM at exit.
            main.completed();
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
        // In this order: a bean built at once finds the ones it names already bound by a class before it.
        main.configure().addConfiguration(NewsdeskBeans.class);
        main.configure().addConfiguration(DeeplBeans.class);
        main.configure().addConfiguration(MonitoringBeans.class);
        main.configure().addConfiguration(BrokerBeans.class);
        main.configure().addConfiguration(IntakeBeans.class);
        main.setDefaultPropertyPlaceholderLocation("file:" + home().resolve(CONFIG_FILE));
        main.setOverrideProperties(overrides);
        main.addMainListener(new SettingsCheck());
        main.addMainListener(new SignInSetup());
        main.addMainListener(new FirstLookAtDesks());
        return main;
    }

    /** The project folder: NEWSDESK_HOME (or -Dnewsdesk.home), else the working directory. */
    public static Path home() {
        String home = System.getProperty("newsdesk.home", System.getenv("NEWSDESK_HOME"));
        return Path.of(home == null || home.isBlank() ? "." : home);
    }

    /** The folder the running jar was built in (it sits in target/), when that holds the configuration. */
    private static Optional<Path> projectFolderOfJar() {
        try {
            Path jar = Path.of(Service.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = jar.toAbsolutePath().getParent().getParent();
            return folder != null && Files.isRegularFile(folder.resolve(CONFIG_FILE)) ? Optional.of(folder) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Before any bean is built: every number and true/false setting has a value of that kind, the
     * monitoring port is free, and a misspelt setting name gets a warning.
     */
    private static final class SettingsCheck extends MainListenerSupport {
        @Override
        public void beforeConfigure(BaseMainSupport main) {
            CamelContext context = main.getCamelContext();
            Logger log = LoggerFactory.getLogger(Service.class);
            try {
                KnownSettings known = KnownSettings.read(home().resolve(CONFIG_FILE));
                SettingNameCheck.warnings(known, System.getenv(), System.getProperties().stringPropertyNames())
                        .forEach(log::warn);
                SettingValueCheck.check(known, key -> context.resolvePropertyPlaceholders("{{" + key + "}}"));
                new MonitoringAddress(Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{newsdesk.monitoring.enabled}}")),
                        context.resolvePropertyPlaceholders("{{newsdesk.monitoring.host}}"),
                        Integer.parseInt(context.resolvePropertyPlaceholders("{{newsdesk.monitoring.port}}"))).checkPortFree();
            } catch (MissingSettingException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The desks' first look, once routes/ is read and before Camel makes and starts the routes: the desk
     * routes start with all the others, so an article waiting in an inbox is taken by the first poll. The
     * language settings are checked first: desks take theirs from them.
     */
    private static final class FirstLookAtDesks extends MainListenerSupport {
        @Override
        public void afterConfigure(BaseMainSupport main) {
            try {
                NewsdeskBeans.checkLanguages(main.getCamelContext());
                main.getCamelContext().getRegistry().lookupByNameAndType("deskWatcher", DeskWatcher.class).look();
            } catch (Exception e) {
                throw RuntimeCamelException.wrapRuntimeException(e);
            }
        }
    }

    /**
     * newsdesk.log-format (NEWSDESK_LOG_FORMAT) json: one JSON object per line. Read from the environment
     * or a system property, not config/application.properties: logging starts before the settings are read.
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
