package newsdesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** "--name value" arguments (and "--flag" ones) of a command, checked against the names the command knows. */
final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String[] args, Set<String> known) throws UsageException {
        return parse(args, known, Set.of());
    }

    /** With {@code flags}, names that take no value: {@link #flag} says whether they were given. */
    static Options parse(String[] args, Set<String> known, Set<String> flags) throws UsageException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name != null && flags.contains(name)) {
                values.put(name, "true");
                continue;
            }
            if (name == null || !known.contains(name)) {
                throw new UsageException("unknown argument: " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new UsageException("missing value for --" + name);
            }
            values.put(name, args[++i]);
        }
        return new Options(values);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String required(String name) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException("missing --" + name);
        }
        return value;
    }

    String optional(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    Path existingFile(String name) throws UsageException {
        Path path = Path.of(required(name));
        if (!Files.isRegularFile(path)) {
            throw new UsageException("--" + name + ": no such file: " + path);
        }
        return path;
    }

    int positiveInt(String name, int fallback) throws UsageException {
        return number(name, fallback, Integer::parseInt, number -> number > 0, "a positive whole number");
    }

    /** A number between 0 and 1. */
    double share(String name, double fallback) throws UsageException {
        return number(name, fallback, Double::parseDouble, number -> number >= 0 && number <= 1, "a number between 0 and 1");
    }

    private <T> T number(String name, T fallback, Function<String, T> parse, Predicate<T> valid, String expected)
            throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            T number = parse.apply(value);
            if (valid.test(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be " + expected + ", not " + value);
    }

    /** Wrong or missing arguments: the command prints its usage and exits with 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
