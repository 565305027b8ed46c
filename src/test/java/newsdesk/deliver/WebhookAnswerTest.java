package newsdesk.deliver;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

class WebhookAnswerTest {

    private static final String URL = "https://hooks.example.org/services/T0KEN-IN-THE-PATH";
    private final WebhookAnswer answer = new WebhookAnswer();

    @Test
    void aReceiverBusyOrDownIsTriedAgain() {
        for (int status : new int[] {408, 429, 500, 502, 503}) {
            assertThatThrownBy(() -> answer.failed(failure(status, "busy"))).isInstanceOf(WebhookUnavailableException.class)
                    .hasMessageContaining(String.valueOf(status)).hasMessageNotContaining("T0KEN");
        }
        assertThatThrownBy(() -> answer.failed(new ConnectException("Connection refused")))
                .isInstanceOf(WebhookUnavailableException.class).hasMessageContaining("could not be reached");
    }

    @Test
    void anyOtherAnswerRefusesTheResultSayingTheStatusAndTheStartOfTheAnswer() {
        assertThatThrownBy(() -> answer.failed(failure(400, "{\"error\":\n \"no articles about budgets\"}" + "x".repeat(500))))
                .isInstanceOf(WebhookRefusedException.class)
                .hasMessageStartingWith("The webhook receiver answered 400 Bad Request: {\"error\": \"no articles about budgets\"}")
                .hasMessageEndingWith("…").hasMessageNotContaining("T0KEN");
        assertThatThrownBy(() -> answer.failed(failure(404, ""))).isInstanceOf(WebhookRefusedException.class)
                .hasMessage("The webhook receiver answered 404 Not Found.");
    }

    private static HttpOperationFailedException failure(int status, String body) {
        String text = switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            default -> "Status";
        };
        return new HttpOperationFailedException(URL, status, text, null, Map.of(), body);
    }
}
