package newsdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The articles a bench run feeds in: the real German news of {@code ../shared/eval/de-news-sample.jsonl}
 * when it is there, else generated ones of the same size (about 2,500 characters, title and five
 * paragraphs). Past the end of the sample it starts again with a marker in front, so no two
 * articles are the same and a translation cache cannot make a run look cheaper than it is.
 */
final class BenchArticles {

    static final Path SAMPLE = Path.of("../shared/eval/de-news-sample.jsonl");

    private static final String[] WORDS = ("die der das und ist nicht mit von den dem ein eine auf für zu im sie "
            + "er es auch wird werden wurde hat haben dass nach bei aus noch wie über sind oder aber vor "
            + "Regierung Bundesregierung Kanzler Minister Präsident Polizei Stadt Land Gesetz Wahl Partei "
            + "sagte erklärte beschlossen Deutschland Montag Dienstag Mittwoch Jahr Woche Prozent Millionen "
            + "Menschen Bericht Verhandlungen Haushalt Entwurf Opposition Kritik Zukunft Wirtschaft Energie "
            + "Preise Mieten Schulen Kliniken Verkehr Bahn Straßen Klimaschutz Förderung Gemeinden Länder "
            + "wichtig deutlich schnell gemeinsam weiterhin bisher jedoch außerdem bereits künftig").split(" ");

    private final List<String> texts;
    private final String origin;

    private BenchArticles(List<String> texts, String origin) {
        this.texts = texts;
        this.origin = origin;
    }

    static BenchArticles load(int count) throws IOException {
        if (Files.isReadable(SAMPLE)) {
            List<String> sample = readSample();
            List<String> texts = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int round = i / sample.size();
                String text = sample.get(i % sample.size());
                texts.add(round == 0 ? text : "(" + round + ") " + text);
            }
            return new BenchArticles(texts, SAMPLE.getFileName() + ", " + sample.size() + " real articles");
        }
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            texts.add(generate(new Random(i)));
        }
        return new BenchArticles(texts, "generated");
    }

    private static List<String> readSample() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(SAMPLE, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    texts.add(json.readTree(line).get("text").asText());
                }
            }
        }
        return texts;
    }

    private static String generate(Random random) {
        StringBuilder text = new StringBuilder(sentence(random, 8).replaceAll("\\.$", "")).append("\n\n");
        for (int paragraph = 0; paragraph < 5; paragraph++) {
            for (int sentence = 0; sentence < 4; sentence++) {
                text.append(sentence == 0 ? "" : " ").append(sentence(random, 12 + random.nextInt(8)));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String sentence(Random random, int words) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            sentence.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
        }
        return sentence.append('.').toString();
    }

    int count() {
        return texts.size();
    }

    String origin() {
        return origin;
    }

    /** Characters DeepL would bill for translating every article in full: all but line breaks. */
    long sourceCharacters() {
        return texts.stream().mapToLong(BenchArticles::billable).sum();
    }

    /** The same for article {@code i}. */
    long sourceCharacters(int i) {
        return billable(texts.get(i));
    }

    private static long billable(String text) {
        return text.codePoints().filter(c -> c != '\n' && c != '\r').count();
    }

    double meanCharacters() {
        return texts.stream().mapToInt(String::length).average().orElse(0);
    }

    /** Writes every article into {@code folder} as article-00001.txt etc. */
    void writeTo(Path folder) throws IOException {
        writeFirst(folder, texts.size());
    }

    /** Writes article {@code i} to {@code file}. */
    void writeOne(int i, Path file) throws IOException {
        Files.writeString(file, texts.get(i), StandardCharsets.UTF_8);
    }

    /** Writes the first {@code count} articles into {@code folder}. */
    void writeFirst(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < count; i++) {
            Files.writeString(folder.resolve(String.format("article-%05d.txt", i + 1)), texts.get(i), StandardCharsets.UTF_8);
        }
    }
}
