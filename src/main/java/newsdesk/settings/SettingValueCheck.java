package newsdesk.settings;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import newsdesk.translate.MissingSettingException;

/**
 * A setting whose default is a whole number or true/false must have a value of that kind. Checked
 * before any bean is built, so a wrong value is one line naming the setting rather than a type
 * conversion stack from deep inside Camel.
 */
public final class SettingValueCheck {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");
    private static final Pattern BOOLEAN = Pattern.compile("true|false");

    private SettingValueCheck() {
    }

    /** {@code resolve} gives a key's value as the service will see it (environment, system properties, overrides). */
    public static void check(KnownSettings known, UnaryOperator<String> resolve) throws MissingSettingException {
        for (Map.Entry<String, String> setting : known.defaults().entrySet()) {
            String fallback = setting.getValue();
            if (WHOLE_NUMBER.matcher(fallback).matches()) {
                require(setting.getKey(), resolve.apply(setting.getKey()), WHOLE_NUMBER, "a whole number", fallback);
            } else if (BOOLEAN.matcher(fallback).matches()) {
                require(setting.getKey(), resolve.apply(setting.getKey()), BOOLEAN, "true or false", fallback);
            }
        }
    }

    private static void require(String key, String value, Pattern kind, String expected, String fallback)
            throws MissingSettingException {
        if (value == null || !kind.matcher(value.strip()).matches() || !fitsInLong(kind, value.strip())) {
            throw new MissingSettingException(KnownSettings.variable(key) + " (" + key + ") is '" + value
                    + "': it must be " + expected + ", e.g. the default " + fallback + ".");
        }
    }

    private static boolean fitsInLong(Pattern kind, String value) {
        if (kind != WHOLE_NUMBER) {
            return true;
        }
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
