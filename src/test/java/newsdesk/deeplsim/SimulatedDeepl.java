package newsdesk.deeplsim;

import com.deepl.api.DeepLClient;
import com.deepl.api.DeepLClientOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One DeepL simulator for a test class ({@code @RegisterExtension static}), started before its first
 * test, reset before each and closed after the last, with a deepl-java client that uses it.
 */
public final class SimulatedDeepl implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    public static final String KEY = "test-key:fx";

    private DeeplSimulator sim;
    private DeepLClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        sim = DeeplSimulator.start(KEY);
        client = new DeepLClient(KEY, (DeepLClientOptions) new DeepLClientOptions().setServerUrl(sim.url()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sim.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sim.close();
    }

    public DeeplSimulator sim() {
        return sim;
    }

    /** deepl-java with its default retries and timeout, talking to {@link #sim()}. */
    public DeepLClient client() {
        return client;
    }
}
