package newsdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/** The project's result.schema.json, for checking every result a test sees. */
public final class ResultSchema {

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(ResultSchema.class.getResourceAsStream("/newsdesk/result.schema.json"));

    private ResultSchema() {
    }

    /** The schema violations of a result; empty when it is valid. */
    public static Set<ValidationMessage> violations(JsonNode result) {
        return SCHEMA.validate(result);
    }
}
