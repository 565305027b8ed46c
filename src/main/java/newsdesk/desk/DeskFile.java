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
    private static final Set<String> TEMPLATED_ROUTE_KEYS = Set.of("routeTemplateRef", "routeId", "parameters");

    private DeskFile() {
    }

    /**
     * @param defaults the template's parameters: name → default value, null for a required one
     * @param settings resolves {@code {{...}}} placeholders of the defaults from the settings
     */
    public static Desk read(Path file, Map<String, String> defaults, UnaryOperator<String> settings) throws DeskException {
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
        if (name == null || !GlossaryFile.NAME.matcher(name).matches()) {
            throw problem(file, "parameter 'desk' (the desk's name: letters, digits and '-') is required");
        }
        if (route.get("routeId") != null && !Desk.routeId(name).equals(String.valueOf(route.get("routeId")))) {
            throw problem(file, "routeId must be '" + Desk.routeId(name) + "' or left out");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : defaults.entrySet()) {
            String value = given.get(parameter.getKey());
            if (value == null && parameter.getValue() == null) {
                throw problem(file, "parameter '" + parameter.getKey() + "' is required");
            }
            String resolved = settings.apply(value != null ? value : parameter.getValue().replace("{{desk}}", name));
            // Absolute, so the file consumer's move and the error step find them whatever the inbox is.
            values.put(parameter.getKey(), Desk.FOLDERS.contains(parameter.getKey())
                    ? Path.of(resolved).toAbsolutePath().normalize().toString() : resolved);
        }
        try {
            return Desk.of(file, values);
        } catch (IllegalArgumentException e) {
            throw problem(file, e.getMessage());
        }
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
