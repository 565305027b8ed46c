package newsdesk.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fenced code blocks of README.md and docs/*.md. A shell block ({@code sh}, {@code bash}) must say on
 * the line before it how the docs test treats it: {@code <!-- runnable -->} (run from the project folder,
 * must exit 0), {@code <!-- runnable: until "TEXT" -->} (a command that keeps running: it must print TEXT,
 * then it is stopped), or {@code <!-- not run: REASON -->}.
 */
public record DocBlocks(Path file, int line, String language, String marker, String code) {

    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");
    private static final Pattern UNTIL = Pattern.compile("<!-- runnable: until \"([^\"]+)\" -->");
    private static final Pattern NOT_RUN = Pattern.compile("<!-- not run: \\S.* -->");

    /** README.md and every page under docs/, in that order. */
    public static List<Path> pages() {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    public static List<DocBlocks> in(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DocBlocks> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int start = i;
            StringBuilder code = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                code.append(lines.get(i)).append('\n');
            }
            String marker = start > 0 ? lines.get(start - 1).trim() : "";
            blocks.add(new DocBlocks(file, start + 1, open.group(1), marker, code.toString()));
        }
        return blocks;
    }

    public boolean isShell() {
        return language.equals("sh") || language.equals("bash");
    }

    public boolean runnable() {
        return marker.equals("<!-- runnable -->");
    }

    /** The text a long-running block must print, or null. */
    public String until() {
        Matcher m = UNTIL.matcher(marker);
        return m.matches() ? m.group(1) : null;
    }

    public boolean markedNotRun() {
        return NOT_RUN.matcher(marker).matches();
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
