package newsdesk.deeplsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.deepl.api.AuthorizationException;
import com.deepl.api.ConnectionException;
import com.deepl.api.DeepLClient;
import com.deepl.api.DeepLClientOptions;
import com.deepl.api.DeepLException;
import com.deepl.api.Language;
import com.deepl.api.QuotaExceededException;
import com.deepl.api.TextResult;
import com.deepl.api.TextTranslationOptions;
import com.deepl.api.TooManyRequestsException;
import com.deepl.api.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeeplSimulatorTest {

    private static final String KEY = "test-key:fx";
    private static final String GERMAN =
            "Die Regierung hat am Montag ein neues Gesetz beschlossen. Der Kanzler sagte, es sei nötig.";

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static DeeplSimulator sim;

    @BeforeAll
    static void startSimulator() throws Exception {
        sim = DeeplSimulator.start(KEY);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void resetSimulator() {
        sim.reset();
    }

    @Test
    void translatesSeveralTextsThroughTheOfficialClient() throws Exception {
        String second = "Das Wetter ist gut.\nMorgen wird es regnen!";

        List<TextResult> results = client(0).translateText(List.of(GERMAN, second), null, "en-US");

        assertThat(results).extracting(TextResult::getText).containsExactly(
                "[EN-US] The government has on the Monday a new law decided. The chancellor said, it is nötig.",
                "[EN-US] The Wetter is gut.\nTomorrow will it regnen!");
        // deepl-java lower-cases the "DE" the simulator sends.
        assertThat(results).extracting(TextResult::getDetectedSourceLanguage).containsExactly("de", "de");
        assertThat(results).extracting(TextResult::getBilledCharacters)
                .containsExactly(GERMAN.length(), second.length());
        assertThat(sim.billedCharacters()).isEqualTo(GERMAN.length() + second.length());

        assertThat(sim.translateRequestCount()).isEqualTo(1);
        RecordedRequest request = sim.translateRequests().get(0);
        assertThat(request.contentType()).startsWith(FORM);
        assertThat(request.texts()).containsExactly(GERMAN, second);
        assertThat(request.targetLang()).isEqualTo("en-US");
        assertThat(request.sourceLang()).isNull();
        assertThat(request.params()).containsEntry("show_billed_characters", List.of("1"));
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.bodyBytes()).isGreaterThan(GERMAN.length() + second.length());
    }

    @Test
    void billsCodePointsNotUtf16Units() throws Exception {
        String text = "Grüße aus Köln 👋";

        TextResult result = client(0).translateText(text, null, "en-GB");

        assertThat(result.getBilledCharacters()).isEqualTo(16).isLessThan(text.length());
        assertThat(result.getText()).isEqualTo("[EN-GB] Grüße from Köln 👋");
        assertThat(sim.billedCharacters()).isEqualTo(16);
    }

    @Test
    void contextIsRecordedButNotBilled() throws Exception {
        String context = "Ein langer Kontext über die Politik der Bundesregierung.";
        DeepLClient client = client(0);

        TextResult result = client.translateText("Hallo Welt.", "de", "en-US",
                new TextTranslationOptions().setContext(context));

        assertThat(result.getBilledCharacters()).isEqualTo(11);
        assertThat(client.getUsage().getCharacter().getCount()).isEqualTo(11);
        RecordedRequest request = sim.translateRequests().get(0);
        assertThat(request.context()).isEqualTo(context);
        assertThat(request.sourceLang()).isEqualTo("de");
    }

    @Test
    void acceptsJsonBodies() throws Exception {
        List<String> texts = List.of("Der Präsident ist in Berlin.", "Heute ist Montag.");
        String body = JSON.writeValueAsString(Map.of(
                "text", texts, "target_lang", "EN-GB", "show_billed_characters", true, "context", "Politik"));

        HttpResponse<String> response = post("application/json", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode translations = JSON.readTree(response.body()).get("translations");
        assertThat(translations).hasSize(2);
        assertThat(translations.get(0).get("text").asText()).isEqualTo("[EN-GB] The president is in Berlin.");
        assertThat(translations.get(1).get("text").asText()).isEqualTo("[EN-GB] Today is Monday.");
        assertThat(translations.get(0).get("detected_source_language").asText()).isEqualTo("DE");
        assertThat(translations.get(0).get("billed_characters").asInt()).isEqualTo(texts.get(0).length());
        RecordedRequest request = sim.translateRequests().get(0);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.texts()).isEqualTo(texts);
        assertThat(request.context()).isEqualTo("Politik");
        assertThat(sim.billedCharacters()).isEqualTo(texts.get(0).length() + texts.get(1).length());

        HttpResponse<String> unbilled = post("application/json", "{\"text\":[\"Hallo\"],\"target_lang\":\"EN-US\"}");
        assertThat(JSON.readTree(unbilled.body()).get("translations").get(0).has("billed_characters")).isFalse();
    }

    @Test
    void acceptsFiftyTextsAndRejectsFiftyOne() throws Exception {
        DeepLClient client = client(0);
        List<String> fifty = Collections.nCopies(50, "Hallo.");

        assertThat(client.translateText(fifty, null, "en-US")).hasSize(50);
        assertThatThrownBy(() -> client.translateText(Collections.nCopies(51, "Hallo."), null, "en-US"))
                .isExactlyInstanceOf(DeepLException.class)
                .hasMessageContaining("Bad request")
                .hasMessageContaining("Too many texts: 51");
        assertThat(sim.translateRequests()).extracting(RecordedRequest::status).containsExactly(200, 400);
        assertThat(sim.billedCharacters()).isEqualTo(50 * 6);
    }

    @Test
    void rejectsBodiesOver128KiB() throws Exception {
        String prefix = "target_lang=EN-US&text=";
        String atLimit = prefix + "a".repeat(DeeplSimulator.MAX_BODY_BYTES - prefix.length());

        assertThat(post(FORM, atLimit).statusCode()).isEqualTo(200);
        HttpResponse<String> tooLarge = post(FORM, atLimit + "a");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooLarge.body()).get("message").asText()).contains("131073 bytes");
        assertThat(sim.translateRequests()).extracting(RecordedRequest::bodyBytes)
                .containsExactly(131072L, 131073L);

        assertThatThrownBy(() -> client(0).translateText("x".repeat(140_000), null, "en-US"))
                .isExactlyInstanceOf(DeepLException.class)
                .hasMessageContaining("Unknown error");
    }

    @Test
    void rejectsMissingOrWrongKeys() throws Exception {
        DeepLClientOptions options = new DeepLClientOptions();
        options.setServerUrl(sim.url());
        DeepLClient wrongKey = new DeepLClient("wrong-key", options);

        assertThatThrownBy(() -> wrongKey.translateText("Hallo", null, "en-US"))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(wrongKey::getUsage).isInstanceOf(AuthorizationException.class);

        HttpResponse<String> noHeader = HTTP.send(HttpRequest.newBuilder(URI.create(sim.url() + "/v2/translate"))
                        .header("Content-Type", FORM)
                        .POST(HttpRequest.BodyPublishers.ofString("text=Hallo&target_lang=EN-US")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noHeader.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(noHeader.body()).get("message").asText()).contains("Authorization");

        HttpResponse<String> legacyParam = HTTP.send(HttpRequest.newBuilder(URI.create(sim.url() + "/v2/translate"))
                        .header("Content-Type", FORM)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "auth_key=" + URLEncoder.encode(KEY, StandardCharsets.UTF_8)
                                        + "&text=Hallo&target_lang=EN-US")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(legacyParam.statusCode()).isEqualTo(200);
    }

    @Test
    void queuedFaultsMapToTheClientsExceptionsInOrder() throws Exception {
        sim.failNext(429, 1);
        sim.failNext(456, 1);
        sim.failNext(500, 1);
        sim.failNext(503, 1);
        DeepLClient client = client(0);

        assertThatThrownBy(() -> client.translateText("Hallo", null, "en-US"))
                .isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> client.translateText("Hallo", null, "en-US"))
                .isInstanceOf(QuotaExceededException.class);
        assertThatThrownBy(() -> client.translateText("Hallo", null, "en-US"))
                .isExactlyInstanceOf(DeepLException.class).hasMessageContaining("Unknown error");
        assertThatThrownBy(() -> client.translateText("Hallo", null, "en-US"))
                .isExactlyInstanceOf(DeepLException.class).hasMessageContaining("Service unavailable");
        assertThat(client.translateText("Hallo", null, "en-US").getText()).isEqualTo("[EN-US] Hallo");

        assertThat(sim.translateRequests()).extracting(RecordedRequest::status)
                .containsExactly(429, 456, 500, 503, 200);
        assertThat(sim.billedCharacters()).isEqualTo(5);
    }

    @Test
    void persistentFaultLastsUntilCleared() throws Exception {
        sim.failWith(503);
        DeepLClient client = client(0);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.translateText("Hallo", null, "en-US"))
                    .isInstanceOf(DeepLException.class);
        }
        assertThat(client.getUsage().getCharacter().getCount()).as("usage is not faulted").isZero();
        sim.clearFaults();

        assertThat(client.translateText("Hallo", null, "en-US").getText()).isEqualTo("[EN-US] Hallo");
    }

    @Test
    void tooManyRequestsCarriesRetryAfterWhenSet() throws Exception {
        sim.failNext(429, 2);
        HttpResponse<String> withoutHeader = post(FORM, "text=Hallo&target_lang=DE");
        sim.setRetryAfter(Duration.ofSeconds(7));
        HttpResponse<String> withHeader = post(FORM, "text=Hallo&target_lang=DE");

        assertThat(withoutHeader.statusCode()).isEqualTo(429);
        assertThat(withoutHeader.headers().firstValue("Retry-After")).isEmpty();
        assertThat(withHeader.statusCode()).isEqualTo(429);
        assertThat(withHeader.headers().firstValue("Retry-After")).contains("7");
        assertThat(JSON.readTree(withHeader.body()).get("message").asText()).contains("Too many requests");
    }

    @Test
    void clientRetriesAfterATransientFault() throws Exception {
        sim.failNext(503, 1);

        TextResult result = client(1).translateText("Hallo", null, "en-US");

        assertThat(result.getText()).isEqualTo("[EN-US] Hallo");
        assertThat(sim.translateRequests()).extracting(RecordedRequest::status).containsExactly(503, 200);
    }

    @Test
    void rejectsOnlyTextsContainingTheMarker() throws Exception {
        sim.rejectTextsContaining("<broken>", 400, "Text contains unsupported markup.");
        sim.rejectTextsContaining("HUGE-ARTICLE", 413, "Request Entity Too Large");
        DeepLClient client = client(0);

        assertThatThrownBy(() -> client.translateText(List.of("Gut.", "Kaputt <broken> hier."), null, "en-US"))
                .isExactlyInstanceOf(DeepLException.class)
                .hasMessageContaining("Bad request")
                .hasMessageContaining("Text contains unsupported markup.");
        assertThatThrownBy(() -> client.translateText("HUGE-ARTICLE", null, "en-US"))
                .isExactlyInstanceOf(DeepLException.class)
                .hasMessageContaining("Request Entity Too Large");
        assertThat(client.translateText("Gut.", null, "en-US").getText()).isEqualTo("[EN-US] Gut.");
        assertThat(sim.billedCharacters()).isEqualTo(4);
    }

    @Test
    void latencyDelaysResponsesWithoutSerialisingThem() throws Exception {
        Duration latency = Duration.ofMillis(300);
        sim.setLatency(latency);

        long start = System.nanoTime();
        client(0).translateText("Hallo", null, "en-US");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(latency);

        start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> inFlight = IntStream.range(0, 8)
                .mapToObj(i -> HTTP.sendAsync(translateRequest(FORM, "text=Satz+" + i + "&target_lang=EN-US"),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<Integer> statuses = inFlight.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        assertThat(statuses).containsOnly(200).hasSize(8);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(latency.multipliedBy(4));
    }

    @Test
    void slowResponsesTimeOutInTheClient() {
        // deepl-java waits at least until its first backoff deadline (~1 s), whatever the timeout.
        sim.setLatency(Duration.ofMillis(1_400));
        DeepLClientOptions options = new DeepLClientOptions();
        options.setServerUrl(sim.url());
        options.setMaxRetries(0);
        options.setTimeout(Duration.ofMillis(100));
        DeepLClient client = new DeepLClient(KEY, options);

        assertThatThrownBy(() -> client.translateText("Hallo", null, "en-US"))
                .isInstanceOf(ConnectionException.class)
                .hasCauseInstanceOf(SocketTimeoutException.class);
        // Let the abandoned request finish so it is not recorded during the next test.
        await().atMost(Duration.ofSeconds(2)).until(() -> sim.translateRequestCount() == 1);
    }

    @Test
    void countsUsageAndAnswers456OnceTheLimitIsReached() throws Exception {
        sim.setCharacterLimit(20);
        DeepLClient client = client(0);
        assertThat(client.getUsage().getCharacter().getCount()).isZero();
        assertThat(client.getUsage().getCharacter().getLimit()).isEqualTo(20);

        client.translateText("Guten Morgen, Berlin!", null, "en-US");
        Usage usage = client.getUsage();

        assertThat(usage.getCharacter().getCount()).isEqualTo(21);
        assertThat(usage.getCharacter().limitReached()).isTrue();
        assertThatThrownBy(() -> client.translateText("Noch ein Text.", null, "en-US"))
                .isInstanceOf(QuotaExceededException.class);
        assertThat(sim.billedCharacters()).isEqualTo(21);
    }

    @Test
    void listsSourceAndTargetLanguages() throws Exception {
        DeepLClient client = client(0);

        List<Language> source = client.getSourceLanguages();
        List<Language> target = client.getTargetLanguages();

        assertThat(source).extracting(Language::getCode).contains("de", "en", "fr").doesNotContain("en-US");
        assertThat(target).extracting(Language::getCode).contains("de", "fr", "en-US", "en-GB");
        assertThat(target).filteredOn(language -> language.getCode().equals("de"))
                .extracting(Language::getSupportsFormality).containsExactly(true);
        assertThat(target).filteredOn(language -> language.getCode().equals("en-US"))
                .extracting(Language::getSupportsFormality).containsExactly(false);

        HttpResponse<String> viaGet = get("/v2/languages?type=target");
        assertThat(viaGet.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(viaGet.body()).findValuesAsText("language")).contains("EN-US", "EN-GB");
        assertThat(get("/v2/languages?type=bogus").statusCode()).isEqualTo(400);
    }

    @Test
    void detectsTheSourceLanguageUnlessGiven() throws Exception {
        String english = "The government said on Monday that it will raise taxes.";
        String french = "Le président a annoncé une réforme et les syndicats sont contre.";
        DeepLClient client = client(0);

        List<TextResult> detected = client.translateText(List.of(english, french, GERMAN), null, "en-US");

        assertThat(detected).extracting(TextResult::getDetectedSourceLanguage).containsExactly("en", "fr", "de");
        assertThat(detected.get(0).getText()).isEqualTo("[EN-US] " + english);
        assertThat(detected.get(1).getText())
                .isEqualTo("[EN-US] The president has annoncé a réforme and the syndicats are contre.");
        assertThat(client.translateText(english, "de", "en-US").getDetectedSourceLanguage()).isEqualTo("de");
    }

    @Test
    void validatesParametersMethodsAndPaths() throws Exception {
        assertThat(post(FORM, "text=Hallo").body()).contains("target_lang");
        assertThat(post(FORM, "text=Hallo").statusCode()).isEqualTo(400);
        assertThat(post(FORM, "target_lang=EN-US").statusCode()).isEqualTo(400);
        assertThat(post(FORM, "text=Hallo&target_lang=XX").statusCode()).isEqualTo(400);
        assertThat(post(FORM, "text=Hallo&target_lang=EN-US&source_lang=EN-US")
                .statusCode()).isEqualTo(400);
        assertThat(post("application/json", "[1,2]").statusCode()).isEqualTo(400);
        assertThat(post("text/plain", "Hallo").statusCode()).isEqualTo(415);
        assertThat(get("/v2/translate").statusCode()).isEqualTo(405);
        assertThat(get("/v2/glossaries").statusCode()).isEqualTo(404);
        assertThat(sim.billedCharacters()).isZero();
    }

    @Test
    void resetRestoresTheStartState() throws Exception {
        DeepLClient client = client(0);
        client.translateText("Hallo", null, "en-US");
        sim.setCharacterLimit(1);
        sim.failWith(500);
        sim.setLatency(Duration.ofSeconds(5));

        sim.reset();

        assertThat(sim.translateRequestCount()).isZero();
        assertThat(sim.billedCharacters()).isZero();
        assertThat(client.getUsage().getCharacter().getLimit()).isEqualTo(DeeplSimulator.UNLIMITED);
        assertThat(client.translateText("Hallo", null, "en-US").getText()).isEqualTo("[EN-US] Hallo");
    }

    /** There used to be a hidden quota of 500,000 characters; now there is none unless one is set. */
    @Test
    void withoutAQuotaSetMoreThanHalfAMillionCharactersAreTranslated() throws Exception {
        DeepLClient client = client(0);
        String text = "x".repeat(100_000);
        for (int i = 0; i < 6; i++) {
            client.translateText(text, "DE", "en-US");
        }
        assertThat(sim.billedCharacters()).isEqualTo(600_000);
        assertThat(client.getUsage().getCharacter().limitReached()).isFalse();
    }

    @Test
    void theCommandLineTakesOptionsOrTheShortForm() throws Exception {
        assertThat(DeeplSimulator.Launch.parse()).isEqualTo(new DeeplSimulator.Launch(false, 8089, "sim-key", 0, null));
        assertThat(DeeplSimulator.Launch.parse("--port", "0", "--key=k", "--latency-ms", "20", "--quota-chars", "1000"))
                .isEqualTo(new DeeplSimulator.Launch(false, 0, "k", 20, 1000L));
        assertThat(DeeplSimulator.Launch.parse("9000", "k", "5")).isEqualTo(new DeeplSimulator.Launch(false, 9000, "k", 5, null));
        assertThat(DeeplSimulator.Launch.parse("--port", "1", "--help").help()).isTrue();

        try (DeeplSimulator started = DeeplSimulator.Launch.parse("--port", "0", "--key", "k", "--quota-chars", "10").start()) {
            DeepLClient client = new DeepLClient("k", new DeepLClientOptions().setServerUrl(started.url()));
            assertThat(client.getUsage().getCharacter().getLimit()).isEqualTo(10);
        }
    }

    @Test
    void commandLineMistakesAreOneLineWithTheUsage() throws Exception {
        assertThatThrownBy(() -> DeeplSimulator.Launch.parse("--frobnicate"))
                .isInstanceOf(DeeplSimulator.UsageException.class)
                .hasMessage("Unknown option --frobnicate. " + DeeplSimulator.USAGE);
        assertThatThrownBy(() -> DeeplSimulator.Launch.parse("--port", "abc"))
                .hasMessageStartingWith("--port is 'abc': give a whole number from 0 to 65535.");
        assertThatThrownBy(() -> DeeplSimulator.Launch.parse("--quota-chars", "-1"))
                .hasMessageStartingWith("--quota-chars is '-1'");
        assertThatThrownBy(() -> DeeplSimulator.Launch.parse("--key")).hasMessageStartingWith("--key needs a value.");
        assertThatThrownBy(() -> DeeplSimulator.Launch.parse("1", "2", "3", "4")).hasMessageStartingWith("Too many arguments.");
        int busy = Integer.parseInt(sim.url().replaceAll(".*:", ""));
        assertThatThrownBy(() -> DeeplSimulator.Launch.parse("--port", String.valueOf(busy)).start())
                .hasMessageStartingWith("Cannot listen on 127.0.0.1:" + busy + " (the port is in use): choose another with --port.")
                .message().doesNotContain("\n");
    }

    @Test
    void translationKeepsSentencePunctuationAndLines() {
        String text = "Erster Satz. Zweiter Satz ist im Land!\n\nDritter Absatz: Was nun? Ja.";

        String translated = SimTranslation.translate(text, "DE", "EN-US");

        assertThat(translated).startsWith("[EN-US] ");
        assertThat(translated.replaceAll("[^.!?:\\n]", "")).isEqualTo(text.replaceAll("[^.!?:\\n]", ""));
        assertThat(translated).contains("is in the country!");
        assertThat(SimTranslation.translate(text, "DE", "FR")).isEqualTo("[FR] " + text);
    }

    private static DeepLClient client(int maxRetries) {
        DeepLClientOptions options = new DeepLClientOptions();
        options.setServerUrl(sim.url());
        options.setMaxRetries(maxRetries);
        return new DeepLClient(KEY, options);
    }

    private static HttpRequest translateRequest(String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(sim.url() + "/v2/translate"))
                .header("Authorization", "DeepL-Auth-Key " + KEY)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static HttpResponse<String> post(String contentType, String body) throws Exception {
        return HTTP.send(translateRequest(contentType, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.url() + path))
                .header("Authorization", "DeepL-Auth-Key " + KEY)
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
