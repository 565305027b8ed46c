package newsdesk.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import newsdesk.translate.MissingSettingException;

/** A secret given as a setting or, better, as a file holding it (VARIABLE and VARIABLE_FILE); never logged. */
public final class SecretSetting {

    private SecretSetting() {
    }

    /** The secret, stripped; fails with one line naming the variable (never the value) when there is none. */
    public static String read(String value, String file, String variable, String whatToSet) throws MissingSettingException {
        if (value != null && !value.isBlank()) {
            return value.strip();
        }
        if (file != null && !file.isBlank()) {
            try {
                String secret = Files.readString(Path.of(file.strip())).strip();
                if (!secret.isEmpty()) {
                    return secret;
                }
            } catch (IOException e) {
                throw new MissingSettingException(variable + "_FILE names " + file.strip()
                        + ", which cannot be read (" + e.getClass().getSimpleName() + ").");
            }
        }
        throw new MissingSettingException(variable + " is not set: " + whatToSet);
    }
}
