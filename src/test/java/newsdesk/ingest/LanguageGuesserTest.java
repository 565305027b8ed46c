package newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import newsdesk.article.Article;
import org.junit.jupiter.api.Test;

/** The local language guess that keeps English text away from DeepL and sends other languages to its detection. */
class LanguageGuesserTest {

    private final LanguageGuesser guesser = new LanguageGuesser("EN-US");
    private final ArticleReader reader = new ArticleReader("DE", 1 << 20);

    @Test
    void tellsTheLanguagesApartByTheirFunctionWords() {
        assertThat(guesser.guess("Die Regierung hat am Montag über die Lage beraten, und der Minister war nicht zufrieden."))
                .contains("DE");
        assertThat(guesser.guess("The government met on Monday to discuss the situation, and the minister was not pleased with it."))
                .contains("EN");
        assertThat(guesser.guess("Le gouvernement s'est réuni lundi pour discuter de la situation, et le ministre n'était pas content."))
                .contains("FR");
        assertThat(guesser.guess("El gobierno se reunió el lunes para hablar de la situación y el ministro no estaba contento con ella."))
                .contains("ES");
    }

    @Test
    void isSilentWhenTheTextSaysTooLittleOrMixesLanguagesEvenly() {
        assertThat(guesser.guess("Berlin, 12. Mai 2024")).isEmpty();
        assertThat(guesser.guess("1234 5678 — ■")).isEmpty();
        assertThat(guesser.guess("Die Regierung und der Minister waren sich einig. The government and the minister agreed on it."))
                .isEmpty();
    }

    @Test
    void keepsTheConfiguredLanguageForGermanOrUnclearTextAndPassesEnglishThrough() throws Exception {
        assertThat(guess("Die Regierung hat am Montag über die Lage beraten.").sourceLanguage()).isEqualTo("DE");
        assertThat(guess("Kurz notiert").sourceLanguage()).isEqualTo("DE");
        assertThat(guess("The government met on Monday and said that it would not change the law.").sourceLanguage())
                .isEqualTo("EN");
        assertThat(guess("Le gouvernement a dit que la loi ne changera pas et que le ministre est content.").sourceLanguage())
                .as("left to DeepL to detect").isNull();
    }

    @Test
    void theDeclaredLanguageDecidesAShortTextButNotAClearOne() throws Exception {
        assertThat(guesser.guess("Kurz notiert", "de-DE")).contains("DE");
        assertThat(guesser.guess("Berlin, 12. Mai 2024", "en_US")).contains("EN");
        assertThat(guesser.guess("Berlin, 12. Mai 2024", "english")).as("not a language tag").isEmpty();
        assertThat(guesser.guess("Berlin, 12. Mai 2024", "pl")).as("a language not told apart").isEmpty();
        assertThat(guesser.guess("Die Regierung hat am Montag über die Lage beraten, und der Minister war nicht zufrieden.", "en"))
                .as("a template's wrong lang=en").contains("DE");

        // Through a web page: its <html lang> (and og:locale) reach the guess.
        String page = "<html lang=\"en\"><head><title>Kurz</title></head><body><article><h1>Kurz</h1>"
                + "<p>Berlin, Hamburg, München: 12. Mai 2024.</p></article></body></html>";
        Article english = guesser.guess(reader.read(page.getBytes(StandardCharsets.UTF_8), "page.html"));
        assertThat(english.sourceLanguage()).isEqualTo("EN");
        Article undeclared = guesser.guess(reader.read(page.replace(" lang=\"en\"", "").getBytes(StandardCharsets.UTF_8), "page.html"));
        assertThat(undeclared.sourceLanguage()).as("the configured language stays").isEqualTo("DE");
    }

    private Article guess(String text) throws UnprocessableArticleException {
        return guesser.guess(reader.read(text.getBytes(StandardCharsets.UTF_8), "a.txt"));
    }

    /** Real articles, read from the shared evaluation data beside the project: no German one may pass as English. */
    @Test
    void realGermanNewsReadsAsGermanAndRealEnglishNewsAsEnglish() throws Exception {
        Path shared = Path.of("../shared/eval");
        assumeTrue(Files.isDirectory(shared), "the shared evaluation data is beside the project");
        ObjectMapper json = new ObjectMapper();
        List<String> german = Files.readAllLines(shared.resolve("de-news-sample.jsonl"));
        List<String> english = Files.readAllLines(shared.resolve("bbc-dev.jsonl"));

        assertThat(german).hasSizeGreaterThan(200).allSatisfy(line ->
                assertThat(guesser.guess(json.readTree(line).get("text").asText())).contains("DE"));
        assertThat(english).hasSizeGreaterThan(300).allSatisfy(line ->
                assertThat(guesser.guess(json.readTree(line).get("article").asText())).contains("EN"));
    }
}
