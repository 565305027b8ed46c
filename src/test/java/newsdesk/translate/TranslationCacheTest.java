package newsdesk.translate;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.deepl.api.Formality;
import com.deepl.api.TextTranslationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import newsdesk.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The translation cache on a real file, as one or several processes use it. */
class TranslationCacheTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void anEntryIsFoundUnderTheSameKeyAfterARestart() throws Exception {
        TranslationCache cache = new TranslationCache(dir, MB);
        String key = cache.key("Guten Tag", "DE", "EN-US", new TextTranslationOptions());
        cache.put(Map.of(key, new TranslationCache.Entry("[EN-US] Good day", "DE")));
        cache.stop();

        TranslationCache again = new TranslationCache(dir, MB);
        assertThat(again.get(key)).contains(new TranslationCache.Entry("[EN-US] Good day", "DE"));
        assertThat(again.get(again.key("Guten Abend", "DE", "EN-US", null))).isEmpty();
        again.stop();
        assertThat(files()).containsExactly("translations.journal", "translations.mv.db");
    }

    @Test
    void theKeyDependsOnTextLanguagesAndEveryOptionThatChangesTheTranslation() throws Exception {
        TranslationCache cache = new TranslationCache(dir, MB);
        TextTranslationOptions plain = new TextTranslationOptions();
        String key = cache.key("Guten Tag", "DE", "EN-US", plain);

        assertThat(cache.key("Guten Tag", "de", "en-us", new TextTranslationOptions())).isEqualTo(key);
        assertThat(cache.key("Guten Tag!", "DE", "EN-US", plain)).isNotEqualTo(key);
        assertThat(cache.key("Guten Tag", null, "EN-US", plain)).isNotEqualTo(key);
        assertThat(cache.key("Guten Tag", "DE", "EN-GB", plain)).isNotEqualTo(key);
        assertThat(cache.key("Guten Tag", "DE", "EN-US", new TextTranslationOptions().setContext("Ein Brief")))
                .isNotEqualTo(key)
                .isNotEqualTo(cache.key("Guten Tag", "DE", "EN-US", new TextTranslationOptions().setContext("Eine Rede")));
        assertThat(cache.key("Guten Tag", "DE", "EN-US", new TextTranslationOptions().setFormality(Formality.More)))
                .isNotEqualTo(key);
        cache.stop();
    }

    /** The case that made 100,017 files (407 MB) for 2 MB of text with a file per text. */
    @Test
    void a100000ShortLinesTakeSpaceInProportionToTheirText() throws Exception {
        TranslationCache cache = new TranslationCache(dir, 1024 * MB);
        long textBytes = 0;
        Map<String, TranslationCache.Entry> request = new LinkedHashMap<>();
        for (int i = 0; i < 100_000; i++) {
            String line = "Zeile " + i + " kurz.";
            String translation = "[EN-US] Line " + i + " short.";
            textBytes += line.length() + translation.length();
            request.put(cache.key(line, "DE", "EN-US", null), new TranslationCache.Entry(translation, "DE"));
            if (request.size() == 50) {
                cache.put(request);
                request.clear();
            }
        }
        cache.stop();

        assertThat(files()).containsExactly("translations.journal", "translations.mv.db");
        long size = Files.size(dir.resolve("translations.mv.db"));
        // A file per text took 407 MB. Here each entry costs a few hundred bytes beyond its text (key, B-tree pages).
        assertThat(size).as("bytes on disk for %d bytes of text", textBytes).isLessThan(textBytes + 100_000L * 500);
        TranslationCache again = new TranslationCache(dir, 1024 * MB);
        assertThat(again.get(again.key("Zeile 99999 kurz.", "DE", "EN-US", null))).isPresent();
        again.stop();
    }

    @Test
    void pastTheLimitTheEntriesLeastRecentlyUsedAreDropped() throws Exception {
        TranslationCache cache = new TranslationCache(dir, MB);
        String kilobyte = "x".repeat(1000);
        String used = cache.key("Text 0", "DE", "EN-US", null);
        for (int i = 0; i < 3000; i++) {
            cache.put(Map.of(cache.key("Text " + i, "DE", "EN-US", null), new TranslationCache.Entry(i + kilobyte, "DE")));
            if (i % 100 == 0) {
                assertThat(cache.get(used)).isPresent();
            }
        }

        assertThat(cache.bytes()).isBetween(MB / 2, MB);
        assertThat(cache.get(cache.key("Text 1", "DE", "EN-US", null))).isEmpty();
        assertThat(cache.get(used)).as("used all along").isPresent();
        assertThat(cache.get(cache.key("Text 2999", "DE", "EN-US", null))).isPresent();
        cache.stop();
        assertThat(Files.size(dir.resolve("translations.mv.db"))).isLessThan(4 * MB);
        assertThat(new TranslationCache(dir, MB).bytes()).as("the total survives a restart").isBetween(MB / 2, MB);
    }

    /** MVStore locks its file; a standby or a second worker on the data folder takes the next one. */
    @Test
    void aSecondUserOfTheFolderGetsAFileOfItsOwnAndTheFirstFileGoesToTheNextStart() throws Exception {
        TranslationCache first = new TranslationCache(dir, MB);
        TranslationCache second = new TranslationCache(dir, MB);
        String key = first.key("Hallo", "DE", "EN-US", null);
        first.put(Map.of(key, new TranslationCache.Entry("[EN-US] Hello", "DE")));

        assertThat(second.get(key)).as("another process may pay for the same text").isEmpty();
        second.put(Map.of(key, new TranslationCache.Entry("[EN-US] Hello", "DE")));
        assertThat(files()).filteredOn(name -> name.endsWith(".mv.db"))
                .containsExactlyInAnyOrder("translations.mv.db", "translations-2.mv.db");

        first.stop();
        TranslationCache restarted = new TranslationCache(dir, MB);
        assertThat(restarted.get(key)).isPresent();
        restarted.stop();
        second.stop();
    }

    @Test
    void aDamagedFileIsMovedAsideAndTheCacheStartsAfresh() throws Exception {
        Files.writeString(dir.resolve("translations.mv.db"), "not an MVStore file ".repeat(500));

        TranslationCache cache = new TranslationCache(dir, MB);
        String key = cache.key("Hallo", "DE", "EN-US", null);
        cache.put(Map.of(key, new TranslationCache.Entry("[EN-US] Hello", "DE")));

        assertThat(cache.get(key)).isPresent();
        cache.stop();
        assertThat(files()).hasSize(3).contains("translations.mv.db", "translations.journal")
                .anyMatch(name -> name.startsWith("translations.mv.db.unreadable-"));
    }

    /** The folder deleted while the cache is open: the open store still has it all (the entry that finds it gone too), and writes it to a new file. */
    @Test
    void aFolderDeletedWhileRunningIsWrittenAnewWithWhatItHeld() throws Exception {
        TranslationCache cache = new TranslationCache(dir, MB);
        String before = cache.key("Vorher", "DE", "EN-US", null);
        cache.put(Map.of(before, new TranslationCache.Entry("[EN-US] Before", "DE")));
        Thread.sleep(1100);
        cache.put(Map.of(cache.key("Noch vorher", "DE", "EN-US", null), new TranslationCache.Entry("[EN-US] Still before", "DE")));
        deleteFolder();
        String after = cache.key("Nachher", "DE", "EN-US", null);
        try (LogCapture log = new LogCapture()) {
            Thread.sleep(1100);
            cache.put(Map.of(after, new TranslationCache.Entry("[EN-US] After", "DE")));
            assertThat(log.messages(Level.WARN)).singleElement().asString()
                    .contains("was deleted while Newsdesk ran: its 3 translation(s) are written to a new file");
        }
        cache.stop();

        TranslationCache again = new TranslationCache(dir, MB);
        assertThat(again.get(before)).isPresent();
        assertThat(again.get(after)).isPresent();
        again.stop();
    }

    /** A file cut short after a clean stop goes back to an earlier state: the journal's mark tells how much was lost. */
    @Test
    void aFileCutShortIsSaidWithHowManyTranslationsWereLost() throws Exception {
        TranslationCache cache = new TranslationCache(dir, MB);
        for (int i = 0; i < 400; i++) {
            cache.put(Map.of(cache.key("Text " + i, "DE", "EN-US", null), new TranslationCache.Entry("x".repeat(200) + i, "DE")));
            if (i % 100 == 99) {
                Thread.sleep(1050);
            }
        }
        cache.stop();
        Path file = dir.resolve("translations.mv.db");
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }

        try (LogCapture log = new LogCapture()) {
            TranslationCache again = new TranslationCache(dir, MB);
            again.stop();
            assertThat(log.messages(Level.WARN)).anyMatch(message -> message.contains("translation(s) stored before its last commit are lost"));
        }
    }

    /** A journal whose first record is damaged: what it held is lost, and said to be. */
    @Test
    void aDamagedJournalIsSaidWithTheBytesLost() throws Exception {
        TranslationCache cache = new TranslationCache(dir, MB);
        cache.stop();
        byte[] garbage = new byte[300];
        java.util.Arrays.fill(garbage, (byte) 0x7f);
        Files.write(dir.resolve("translations.journal"), garbage);

        try (LogCapture log = new LogCapture()) {
            new TranslationCache(dir, MB).stop();
            assertThat(log.messages(Level.WARN)).singleElement().asString()
                    .contains("has a damaged record at byte 0: the 300 byte(s) from there");
        }
    }

    private void deleteFolder() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private java.util.List<String> files() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
