package newsdesk.desk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The rules for a desk's folders (docs/desks.md). A folder is a path, never part of a URI: a value with URI
 * syntax ({@code ?}, {@code #}, {@code %}, {@code {{ }}}) is refused, as Camel would take it for endpoint options
 * or placeholders; only {@code {{newsdesk.data-dir}}} or {@code {{newsdesk.home}}} may start it, and Newsdesk puts
 * in those itself. Folders are compared as the real paths they stand for (absolute, through symbolic links,
 * also where they do not exist yet): a desk's inbox, outbox, archive and error are four folders, none inside
 * another, none inside another desk's or the service's own.
 */
final class DeskFolders {

    private static final Pattern URI_SYNTAX = Pattern.compile("[?#%]|\\{\\{|}}");
    private static final List<String> STARTS = List.of("newsdesk.data-dir", "newsdesk.home");

    private DeskFolders() {
    }

    /** The real folder a desk file's value names; IllegalArgumentException says what is wrong with it. */
    static Path resolve(String key, String written, UnaryOperator<String> settings) {
        String value = written;
        for (String start : STARTS) {
            String placeholder = "{{" + start + "}}";
            if (written.startsWith(placeholder)) {
                value = settings.apply(placeholder) + written.substring(placeholder.length());
                break;
            }
        }
        if (URI_SYNTAX.matcher(value).find()) {
            throw new IllegalArgumentException(key + " '" + written + "' is not a plain folder: no ?, #, % or {{ }}, which Camel would"
                    + " read as URI options or placeholders; only {{newsdesk.data-dir}} or {{newsdesk.home}} may start it");
        }
        return real(Path.of(value));
    }

    /** Absolute and through symbolic links: the deepest part that exists is resolved by the file system, the rest appended. */
    static Path real(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }

    /** One desk's folders apart from each other and outside the service's own folders. */
    static void checkOwn(Map<String, Path> folders, List<Path> serviceFolders) {
        List<Map.Entry<String, Path>> entries = List.copyOf(folders.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                String clash = clash(entries.get(i).getValue(), entries.get(j).getValue());
                if (clash != null) {
                    throw new IllegalArgumentException(entries.get(i).getKey() + " and " + entries.get(j).getKey() + " " + clash
                            + " (" + entries.get(i).getValue() + ", " + entries.get(j).getValue() + "); a desk needs four folders apart");
                }
            }
            for (Path own : serviceFolders) {
                Path folder = entries.get(i).getValue();
                if (folder.startsWith(real(own))) {
                    throw new IllegalArgumentException(entries.get(i).getKey() + " " + folder + " is the service's own folder "
                            + real(own) + " or inside it");
                }
            }
        }
    }

    /** How two folders clash: the same, or one inside the other; null when they are apart. */
    static String clash(Path a, Path b) {
        if (a.equals(b)) {
            return "are the same folder";
        }
        return a.startsWith(b) || b.startsWith(a) ? "are one inside the other" : null;
    }
}
