package newsdesk.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * A NEWSDESK_ environment variable or newsdesk. system property that names no known setting is most
 * likely a typo that leaves the default in force without a word: each gets one warning naming the
 * closest known setting.
 */
public final class SettingNameCheck {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private SettingNameCheck() {
    }

    /** One warning per unknown name, in name order. */
    public static List<String> warnings(KnownSettings known, Map<String, String> environment, Set<String> systemProperties) {
        Set<String> keys = known.defaults().keySet();
        Set<String> variables = keys.stream().map(KnownSettings::variable).collect(Collectors.toSet());
        List<String> warnings = new ArrayList<>();
        environment.keySet().stream().filter(name -> name.startsWith("NEWSDESK_") && !variables.contains(name)).sorted()
                .forEach(name -> warnings.add(warning("environment variable", name, closest(name, variables))));
        systemProperties.stream().filter(name -> name.startsWith("newsdesk.") && !keys.contains(name)).sorted()
                .forEach(name -> warnings.add(warning("system property", name, closest(name, keys))));
        return warnings;
    }

    private static String warning(String kind, String name, String closest) {
        return "The " + kind + " " + name + " is not a Newsdesk setting and is ignored: did you mean " + closest
                + "? (Every setting is listed in config/application.properties.)";
    }

    private static String closest(String name, Set<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .min(Comparator.comparingInt((String candidate) -> DISTANCE.apply(lower, candidate.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }
}
