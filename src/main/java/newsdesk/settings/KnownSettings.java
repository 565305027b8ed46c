package newsdesk.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The settings Newsdesk knows: the keys of config/application.properties, with their defaults. The
 * file is the one place a setting and its default are written down, so checks take them from it.
 */
public final class KnownSettings {

    private final Map<String, String> defaults;

    private KnownSettings(Map<String, String> defaults) {
        this.defaults = defaults;
    }

    public static KnownSettings read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> defaults = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> defaults.put(key, properties.getProperty(key).strip()));
        return new KnownSettings(defaults);
    }

    /** Key to default, in key order. */
    public Map<String, String> defaults() {
        return defaults;
    }

    /** The environment variable that overrides a key: newsdesk.data-dir -> NEWSDESK_DATA_DIR. */
    public static String variable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
