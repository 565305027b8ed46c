package newsdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Reading JSON Lines files one object at a time, so memory does not grow with the file. */
final class JsonLines {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLines() {
    }

    /** Calls the consumer with each non-blank line's object; a malformed line fails naming its number. */
    static void forEach(Path file, Consumer<JsonNode> consumer) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                consumer.accept(parse(file, number, line));
            }
        }
    }

    /** The string field of every line, by the line's "id". */
    static Map<String, String> fieldById(Path file, String field) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        forEach(file, node -> values.put(text(node, "id", file), text(node, field, file)));
        return values;
    }

    static String text(JsonNode node, String field, Path file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(file + ": a line has no \"" + field + "\": " + abbreviate(node.toString()));
        }
        return value.asText();
    }

    private static JsonNode parse(Path file, int number, String line) {
        try {
            return MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " line " + number + " is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
