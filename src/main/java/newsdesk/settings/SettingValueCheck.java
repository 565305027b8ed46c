package newsdesk.settings;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import newsdesk.translate.MissingSettingException;

/**
 * Every setting's value is one Newsdesk can work with, checked before any bean is built, so a wrong value is one
 * line naming the setting, the value and what it may be, rather than a stack from deep inside Camel or a service
 * that runs on doing nothing. A setting whose default is a whole number or true/false must have a value of that
 * kind; numbers must be within their range, words one of their list, and the data folder one Newsdesk can write.
 */
public final class SettingValueCheck {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");
    private static final Pattern BOOLEAN = Pattern.compile("true|false");
    private static final long DAY_MS = 86_400_000L;
    private static final long INT = Integer.MAX_VALUE;

    /** The range of every number setting, smallest and largest allowed (docs/configuration.md). */
    static final Map<String, Range> RANGES = Map.ofEntries(
            range("deepl.max-retries", 0, 10),
            range("deepl.timeout-ms", 100, 600_000),
            range("newsdesk.deepl.redeliveries", 0, 100),
            range("newsdesk.article.max-attempts", 1, 100),
            range("newsdesk.article.retry-delay-ms", 0, 600_000),
            range("newsdesk.deliver.webhook.redeliveries", 0, 100),
            range("newsdesk.deliver.webhook.redelivery-delay-ms", 0, DAY_MS),
            range("newsdesk.deepl.redelivery-delay-ms", 0, DAY_MS),
            range("newsdesk.deepl.max-redelivery-delay-ms", 0, DAY_MS),
            range("newsdesk.deepl.pause-check-ms", 100, DAY_MS),
            range("newsdesk.deepl.unreachable-check-ms", 100, DAY_MS),
            range("newsdesk.state.first-probe-ms", 1, DAY_MS),
            range("newsdesk.state.storage-check-ms", 1, DAY_MS),
            range("newsdesk.deepl.budget.monthly-chars", 0, Long.MAX_VALUE),
            range("newsdesk.deepl.budget.daily-chars", 0, Long.MAX_VALUE),
            range("newsdesk.deepl.budget.billing-day", 1, 28),
            range("newsdesk.deepl.usage-check-ms", 100, DAY_MS),
            range("newsdesk.inbox.quiet-period-ms", 0, DAY_MS),
            range("newsdesk.inbox.poll-ms", 1, DAY_MS),
            range("newsdesk.inbox.max-files-per-poll", 1, 100_000),
            range("newsdesk.inbox.max-bytes", 1, INT),
            range("newsdesk.inbox.max-text-chars", 1, INT),
            range("newsdesk.inbox.max-depth", 16, 2000),
            range("newsdesk.cache.max-mb", 1, 1_048_576),
            range("newsdesk.desks.check-ms", 1, DAY_MS),
            range("newsdesk.checks.length-ratio.min", 0, 100),
            range("newsdesk.checks.length-ratio.max", 0, 100),
            range("newsdesk.concurrency", 1, 1000),
            range("newsdesk.summary.sentences", 1, 100),
            range("newsdesk.summary.ratio", 0, 1),
            range("newsdesk.summary.ratio-min", 1, 100),
            range("newsdesk.summary.ratio-max", 1, 100),
            range("newsdesk.summary.max-chars", 0, 1_000_000),
            range("camel.main.shutdown-timeout", 1, 3600),
            range("newsdesk.log.summary-ms", 1, DAY_MS),
            // 0: no reminders.
            range("newsdesk.log.reminder-ms", 0, DAY_MS),
            // 0: any free port.
            range("newsdesk.monitoring.port", 0, 65_535),
            range("newsdesk.status.recent-articles", 1, 10_000),
            range("newsdesk.leader.check-ms", 1, DAY_MS));

    /** The words a setting may be. */
    static final Map<String, List<String>> CHOICES = Map.of(
            "newsdesk.role", List.of("all", "ingest", "worker"),
            "newsdesk.work-queue", List.of("jms", "kafka"),
            "newsdesk.translate", List.of("full", "summary"),
            "newsdesk.deliver.file.format", List.of("newsdesk", "ninjs"),
            "newsdesk.deliver.jms.format", List.of("newsdesk", "ninjs"),
            "newsdesk.deliver.kafka.format", List.of("newsdesk", "ninjs"),
            "newsdesk.deliver.webhook.format", List.of("newsdesk", "ninjs"),
            "newsdesk.summary.language", List.of("target", "source"),
            "newsdesk.log-format", List.of("text", "json"));

    private SettingValueCheck() {
    }

    /** {@code resolve} gives a key's value as the service will see it (environment, system properties, overrides). */
    public static void check(KnownSettings known, UnaryOperator<String> resolve) throws MissingSettingException {
        for (Map.Entry<String, String> setting : known.defaults().entrySet()) {
            String key = setting.getKey();
            String fallback = setting.getValue();
            if (WHOLE_NUMBER.matcher(fallback).matches()) {
                require(key, resolve.apply(key), WHOLE_NUMBER, "a whole number", fallback);
            } else if (BOOLEAN.matcher(fallback).matches()) {
                require(key, resolve.apply(key), BOOLEAN, "true or false", fallback);
            }
            if (RANGES.containsKey(key)) {
                RANGES.get(key).check(key, resolve.apply(key).strip());
            }
            if (CHOICES.containsKey(key)) {
                oneOf(key, resolve.apply(key), CHOICES.get(key));
            }
        }
        writableFolder("newsdesk.data-dir", resolve.apply("newsdesk.data-dir"));
    }

    /** The value, which must be one of {@code allowed}. */
    public static String oneOf(String key, String value, List<String> allowed) throws MissingSettingException {
        if (!allowed.contains(value)) {
            throw new MissingSettingException(KnownSettings.variable(key) + " is '" + value + "': set it to one of " + allowed + ".");
        }
        return value;
    }

    /** A folder Newsdesk can make, and write in: every file it handles is moved within it. */
    private static void writableFolder(String key, String value) throws MissingSettingException {
        Path folder = Path.of(value);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "no permission" : e instanceof FileSystemException f && f.getReason() != null
                    ? f.getReason().toLowerCase(Locale.ROOT) : "not a folder";
            throw new MissingSettingException(name(key) + " is '" + value + "', which cannot be made (" + why
                    + "): set it to a folder Newsdesk may write in.");
        }
        if (!Files.isWritable(folder)) {
            throw new MissingSettingException(name(key) + " is '" + value + "', which Newsdesk may not write in: set it to a "
                    + "folder Newsdesk may write in.");
        }
    }

    private static void require(String key, String value, Pattern kind, String expected, String fallback)
            throws MissingSettingException {
        if (value == null || !kind.matcher(value.strip()).matches() || !fitsInLong(kind, value.strip())) {
            throw new MissingSettingException(name(key) + " is '" + value + "': it must be " + expected + ", e.g. the default " + fallback + ".");
        }
    }

    private static String name(String key) {
        return KnownSettings.variable(key) + " (" + key + ")";
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

    private static Map.Entry<String, Range> range(String key, double least, double most) {
        return Map.entry(key, new Range(least, most));
    }

    /** Smallest and largest allowed value of a number setting (whole or decimal, as its default is). */
    record Range(double least, double most) {
        void check(String key, String value) throws MissingSettingException {
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new MissingSettingException(name(key) + " is '" + value + "': it must be a number " + this + ".");
            }
            if (Double.isNaN(number) || number < least || number > most) {
                throw new MissingSettingException(name(key) + " is '" + value + "': it must be " + this + ".");
            }
        }

        @Override
        public String toString() {
            return most >= Long.MAX_VALUE ? format(least) + " or more" : "from " + format(least) + " to " + format(most);
        }

        private static String format(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }
}
