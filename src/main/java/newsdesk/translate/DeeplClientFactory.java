package newsdesk.translate;

import com.deepl.api.DeepLClient;
import com.deepl.api.DeepLClientOptions;
import java.time.Duration;
import newsdesk.settings.SecretSetting;

/** Builds the one shared DeepL client from the settings, taking the key from the environment or a file. */
public final class DeeplClientFactory {

    private DeeplClientFactory() {
    }

    public static DeepLClient create(String authKey, String authKeyFile, String serverUrl, int maxRetries,
                                     long timeoutMs) throws MissingSettingException {
        DeepLClientOptions options = new DeepLClientOptions();
        options.setMaxRetries(maxRetries);
        options.setTimeout(Duration.ofMillis(timeoutMs));
        options.setAppInfo("newsdesk", DeeplClientFactory.class.getPackage().getImplementationVersion() + "");
        if (serverUrl != null && !serverUrl.isBlank()) {
            options.setServerUrl(serverUrl.strip());
        }
        return new DeepLClient(authKey(authKey, authKeyFile), options);
    }

    private static String authKey(String authKey, String authKeyFile) throws MissingSettingException {
        return SecretSetting.read(authKey, authKeyFile, "DEEPL_AUTH_KEY",
                "set it to your DeepL API key (or DEEPL_AUTH_KEY_FILE to a file holding it).");
    }
}
