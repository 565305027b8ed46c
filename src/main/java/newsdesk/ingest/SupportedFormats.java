package newsdesk.ingest;

import java.util.List;
import newsdesk.ingest.format.FormatRegistry;

/**
 * The file types the inbox takes: the extensions {@link FormatRegistry} has a reader for, in any case
 * ({@code .txt}, {@code .TXT}), each also with {@code .gz}. Which files are picked up, the warning for any
 * other file, and the names of results all follow from it.
 */
public final class SupportedFormats {

    private static final List<String> EXTENSIONS = FormatRegistry.EXTENSIONS;

    private SupportedFormats() {
    }

    /** Whether the name ends in a supported extension (or one followed by .gz), in any case. */
    public static boolean isSupported(String fileName) {
        return EXTENSIONS.contains(FormatRegistry.extension(fileName));
    }

    /** For messages: "*.htm, *.html, ..., *.xml". */
    public static String describe() {
        return String.join(", ", EXTENSIONS.stream().map(e -> "*." + e).toList());
    }
}
