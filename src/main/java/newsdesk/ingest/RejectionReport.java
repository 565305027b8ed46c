package newsdesk.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import newsdesk.translate.ContentRejectedException;

/**
 * The {@code <name>.error.json} written beside a file moved to error/: why it was not processed, and its kind in
 * words: {@code unprocessable-file} (the file itself) or {@code refused-by-deepl} (DeepL refused its text).
 */
public class RejectionReport {

    private final ObjectMapper mapper = new ObjectMapper();

    public String toJson(Exception reason, String fileName) throws Exception {
        ObjectNode report = mapper.createObjectNode();
        report.put("file", fileName);
        report.put("reason", reason.getMessage());
        report.put("kind", reason instanceof ContentRejectedException ? "refused-by-deepl" : "unprocessable-file");
        report.put("rejectedAt", Instant.now().toString());
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }
}
