package newsdesk.desk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsdesk.glossary.GlossaryFile;
import newsdesk.glossary.YamlFile;

/**
 * Reads one desk file: a Camel {@code templatedRoute} of the route template {@code desk}, with the
 * desk's parameters. Every parameter must be one the template declares; those left out take the
 * template's default, in which {@code {{desk}}} stands for the desk's name and other placeholders
 * come from the settings. Anything wrong gives a {@link DeskException} naming the file and the problem.
 */
public final class DeskFile {

    /** The id of the route template every desk is an instance of. */
    public static final String TEMPLATE = "desk";
    /** A desk's name is part of its folders' and log lines' names. */
    static final int MAX_NAME_CHARS = 64;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");
    private static final Set<String> TEMPLATED_ROUTE_KEYS = Set.of("routeTemplateRef", "routeId", "parameters");

    private DeskFile() {
    }

    /**
     * @param defaults the template's parameters: name → default value, null for a required one
     * @param settings resolves {@code {{...}}} placeholders of the defaults from the settings
     * @param serviceFolders the service's own folders, where no desk folder may be
     */
    public static Desk read(Path file, Map<String, String> defaults, UnaryOperator<String> settings, List<Path> serviceFolders)
            throws DeskException {
        Object root = parse(file);
        if (!(root instanceof List<?> list) || list.size() != 1 || !(list.get(0) instanceof Map<?, ?> item)
                || !(item.get("templatedRoute") instanceof Map<?, ?> route) || item.size() != 1) {
            throw problem(file, "needs exactly one '- templatedRoute:' with routeTemplateRef: desk and parameters");
        }
        for (Object key : route.keySet()) {
            if (!TEMPLATED_ROUTE_KEYS.contains(String.valueOf(key))) {
                throw problem(file, "unknown key '" + key + "' in templatedRoute (routeTemplateRef, routeId, parameters)");
            }
        }
        if (!TEMPLATE.equals(route.get("routeTemplateRef"))) {
            throw problem(file, "routeTemplateRef must be '" + TEMPLATE + "', not '" + route.get("routeTemplateRef") + "'");
        }
        Map<String, String> given = parameters(file, route.get("parameters"), defaults);
        String name = given.get("desk");
        if (name == null || !GlossaryFile.NAME.matcher(name).matches() || name.length() > MAX_NAME_CHARS) {
            throw problem(file, "parameter 'desk' (the desk's name: letters, digits and '-', at most " + MAX_NAME_CHARS
                    + " characters) is required");
        }
        if (route.get("routeId") != null && !Desk.routeId(name).equals(String.valueOf(route.get("routeId")))) {
            throw problem(file, "routeId must be '" + Desk.routeId(name) + "' or left out");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Path> folders = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> parameter : defaults.entrySet()) {
                String value = given.get(parameter.getKey());
                if (value == null && parameter.getValue() == null) {
                    throw problem(file, "parameter '" + parameter.getKey() + "' is required");
                }
                if (Desk.FOLDERS.contains(parameter.getKey())) {
                    // A folder the file names is taken as written; the template's default is the service's own setting.
                    Path folder = value != null ? DeskFolders.resolve(parameter.getKey(), value, settings)
                            : DeskFolders.real(Path.of(settings.apply(parameter.getValue().replace("{{desk}}", name))));
                    folders.put(parameter.getKey(), folder);
                    values.put(parameter.getKey(), folder.toString());
                } else {
                    values.put(parameter.getKey(), settings.apply(value != null ? onlyNewsdeskSettings(parameter.getKey(), value)
                            : parameter.getValue()));
                }
            }
            DeskFolders.checkOwn(folders, serviceFolders);
            return Desk.of(file, values);
        } catch (IllegalArgumentException e) {
            throw problem(file, e.getMessage());
        }
    }

    /**
     * A value may name Newsdesk's settings ({@code {{newsdesk.summary.sentences}}}), nothing else Camel would resolve
     * (the environment, the DeepL key), as a value can end up in a log line.
     */
    private static String onlyNewsdeskSettings(String key, String value) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        while (placeholder.find()) {
            if (!placeholder.group(1).matches("newsdesk\\.[a-z0-9.-]+")) {
                throw new IllegalArgumentException(key + " names {{" + placeholder.group(1) + "}}; a desk file may use only"
                        + " Newsdesk's own settings, {{newsdesk....}}");
            }
        }
        return value;
    }

    private static Object parse(Path file) throws DeskException {
        try {
            return YamlFile.load(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw problem(file, e.getMessage());
        } catch (IOException e) {
            throw problem(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The {@code - name: x / value: y} list as a map, every name one the template declares. */
    private static Map<String, String> parameters(Path file, Object parameters, Map<String, String> defaults)
            throws DeskException {
        if (!(parameters instanceof List<?> list)) {
            throw problem(file, "needs 'parameters:' with a list of '- name: ... value: ...'");
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (Object element : list) {
            if (!(element instanceof Map<?, ?> parameter) || !(parameter.get("name") instanceof String name)
                    || !parameter.containsKey("value")) {
                throw problem(file, "each parameter needs a name and a value");
            }
            if (!defaults.containsKey(name)) {
                throw problem(file, "unknown parameter '" + name + "' (known: " + String.join(", ", defaults.keySet()) + ")");
            }
            Object value = parameter.get("value");
            if (value == null || String.valueOf(value).isBlank()) {
                throw problem(file, "parameter '" + name + "' has no value");
            }
            if (given.put(name, String.valueOf(value).strip()) != null) {
                throw problem(file, "parameter '" + name + "' is given twice");
            }
        }
        return given;
    }

    private static DeskException problem(Path file, String what) {
        return new DeskException("Desk file " + file + ": " + what + ".");
    }
}
