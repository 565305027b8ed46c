package newsdesk.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.deepl.api.Formality;
import com.deepl.api.TextTranslationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The translation cache on real files, as one or several processes use it. */
class TranslationCacheTest {

    @TempDir
    Path dir;

    @Test
    void anEntryIsFoundUnderTheSameKeyAndSurvivesAsFiles() throws Exception {
        TranslationCache cache = new TranslationCache(dir);
        String key = cache.key("Guten Tag", "DE", "EN-US", new TextTranslationOptions());
        cache.put(key, new TranslationCache.Entry("[EN-US] Good day", "DE"));

        assertThat(new TranslationCache(dir).get(key)).contains(new TranslationCache.Entry("[EN-US] Good day", "DE"));
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
                    .containsExactly(key.substring(0, 2) + "/" + key + ".json");
        }
    }

    @Test
    void theKeyDependsOnTextLanguagesAndEveryOptionThatChangesTheTranslation() throws Exception {
        TranslationCache cache = new TranslationCache(dir);
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
    }

    @Test
    void aDamagedEntryCountsAsMissingAndIsWrittenAgain() throws Exception {
        TranslationCache cache = new TranslationCache(dir);
        String key = cache.key("Guten Tag", "DE", "EN-US", null);
        cache.put(key, new TranslationCache.Entry("[EN-US] Good day", "DE"));
        Path file = dir.resolve(key.substring(0, 2)).resolve(key + ".json");
        Files.writeString(file, "{\"text\": \"[EN-US] Go");

        assertThat(cache.get(key)).isEmpty();
        cache.put(key, new TranslationCache.Entry("[EN-US] Good day", "DE"));
        assertThat(cache.get(key)).isPresent();
    }

    @Test
    void anotherProcessSeesEntriesAtOnceAndLeftoverTemporaryFilesAreCleanedAtStart() throws Exception {
        TranslationCache first = new TranslationCache(dir);
        TranslationCache second = new TranslationCache(dir);
        String key = first.key("Hallo", "DE", "EN-US", null);
        first.put(key, new TranslationCache.Entry("[EN-US] Hello", "DE"));
        assertThat(second.get(key)).isPresent();

        Path leftover = dir.resolve(key.substring(0, 2)).resolve("." + key + ".crashed.tmp");
        Files.writeString(leftover, "{\"te");
        Path fresh = dir.resolve(key.substring(0, 2)).resolve("." + key + ".writing-now.tmp");
        Files.writeString(fresh, "{\"te");
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        new TranslationCache(dir);

        assertThat(leftover).doesNotExist();
        assertThat(fresh).as("another process may still be writing it").exists();
        assertThat(second.get(key)).isPresent();
    }
}
