package newsdesk.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The file types the inbox takes, by extension, in any case ({@code .txt}, {@code .TXT}). The one
 * place they are listed: which files are picked up, the warning for any other file, and the names of
 * results all follow from it. A new reader adds its extension here.
 */
public final class SupportedFormats {

    private static final Set<String> EXTENSIONS = Set.of("txt");

    private SupportedFormats() {
    }

    /** Whether the name ends in a supported extension, in any case. */
    public static boolean isSupported(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** For messages: "*.txt" (or "*.html, *.txt" and so on). */
    public static String describe() {
        return String.join(", ", new TreeSet<>(EXTENSIONS).stream().map(e -> "*." + e).toList());
    }
}
