package newsdesk.deeplsim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server speaking the subset of DeepL API v2 that Newsdesk uses, for tests and manual
 * runs. Point the official client at it with {@code options.setServerUrl(sim.url())}.
 *
 * <p>Endpoints (all need {@code Authorization: DeepL-Auth-Key <key>} or the legacy {@code auth_key}
 * parameter, else 403):
 * <ul>
 *   <li>{@code POST /v2/translate}, form-encoded (what deepl-java sends) or JSON: 1 to 50 {@code
 *       text} values and {@code target_lang} required; {@code source_lang}, {@code context}, {@code
 *       show_billed_characters} honoured; other parameters recorded and ignored. Texts are
 *       "translated" by {@link SimTranslation}. Billed characters are the code points of the texts
 *       ({@code context} is free) and add to the usage count; once the count has reached the
 *       character limit, requests answer 456.
 *   <li>{@code GET|POST /v2/usage}: {@code {"character_count":N,"character_limit":M}}.
 *   <li>{@code GET|POST /v2/languages?type=source|target}: a small fixed list.
 *   <li>Glossaries, DeepL's v3 endpoints ({@link SimGlossaries}); {@code glossary_id} on translate
 *       applies the glossary's entries for the request's language pair.
 * </ul>
 * Bodies over 128 KiB answer 413. Errors carry DeepL's {@code {"message":"..."}} body.
 *
 * <p>Latency, injected faults and recording concern {@code /v2/translate} only, so usage and
 * languages stay usable for assertions while faults are on. For a translate request the checks run
 * in this order, after the whole body has been received and the latency has passed: body size
 * (413), body parsing (415 unknown Content-Type, 400 bad JSON), authorization (403), method (405),
 * injected fault, parameter validation (400), {@link #rejectTextsContaining} rules, quota (456).
 *
 * <p>It ships in the jar, for the {@code bench} command and for trying the service without a DeepL
 * account; nothing in the service itself uses it. Standalone:
 * <pre>
 * java -cp target/newsdesk.jar newsdesk.deeplsim.DeeplSimulator [port [authKey [latencyMillis]]]
 * </pre>
 */
public final class DeeplSimulator implements AutoCloseable {

    public static final int MAX_TEXTS = 50;
    public static final int MAX_BODY_BYTES = 128 * 1024;
    public static final long DEFAULT_CHARACTER_LIMIT = 500_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<Map<String, Object>> SOURCE_LANGUAGES = List.of(
            language("DE", "German", null), language("EN", "English", null),
            language("FR", "French", null), language("ES", "Spanish", null),
            language("IT", "Italian", null), language("NL", "Dutch", null),
            language("PL", "Polish", null), language("JA", "Japanese", null));
    private static final List<Map<String, Object>> TARGET_LANGUAGES = List.of(
            language("DE", "German", true), language("EN-GB", "English (British)", false),
            language("EN-US", "English (American)", false), language("FR", "French", true),
            language("ES", "Spanish", true), language("IT", "Italian", true),
            language("NL", "Dutch", true), language("PL", "Polish", true),
            language("JA", "Japanese", true));

    static {
        // The JDK server writes an answer's headers and body separately; without TCP_NODELAY each
        // answer waits for the client's delayed ACK (40 ms on Linux). Read once, at the first server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private volatile String authKey;

    private final Deque<Integer> queuedFaults = new ConcurrentLinkedDeque<>();
    private final List<Rejection> rejections = new CopyOnWriteArrayList<>();
    private volatile Integer persistentFault;
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration retryAfter;
    private volatile long characterLimit = DEFAULT_CHARACTER_LIMIT;
    private final AtomicLong billedCharacters = new AtomicLong();
    private final List<RecordedRequest> translateRequests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger translateRequestCount = new AtomicInteger();
    private volatile boolean keepRecords = true;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicLong handlerCpuNanos = new AtomicLong();
    private final SimGlossaries glossaries = new SimGlossaries();

    private DeeplSimulator(String authKey, int port) throws IOException {
        this.authKey = authKey;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        // Handlers sleep for injected latency, so each request needs its own thread.
        AtomicInteger threadNumber = new AtomicInteger();
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "deepl-sim-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a simulator on 127.0.0.1 and an ephemeral port, accepting the given auth key. */
    public static DeeplSimulator start(String authKey) throws IOException {
        return start(authKey, 0);
    }

    /** Starts a simulator on 127.0.0.1 and the given port (0 for an ephemeral one). */
    public static DeeplSimulator start(String authKey, int port) throws IOException {
        return new DeeplSimulator(authKey, port);
    }

    /** Runs the simulator until the JVM is stopped. Arguments: [port [authKey [latencyMillis]]]. */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        String key = args.length > 1 ? args[1] : "sim-key";
        DeeplSimulator simulator = start(key, port);
        if (args.length > 2) {
            simulator.setLatency(Duration.ofMillis(Long.parseLong(args[2])));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("DeepL simulator listening on " + simulator.url() + " with auth key " + key);
    }

    /** Base URL for {@code setServerUrl}, e.g. {@code http://127.0.0.1:41234} (no trailing slash). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String authKey() {
        return authKey;
    }

    /** From now on only {@code authKey} is accepted, on every endpoint: as when a key is revoked or replaced. */
    public void setAuthKey(String authKey) {
        this.authKey = authKey;
    }

    /** The next {@code times} translate requests answer {@code status}; queues after earlier calls. */
    public void failNext(int status, int times) {
        requireErrorStatus(status);
        for (int i = 0; i < times; i++) {
            queuedFaults.add(status);
        }
    }

    /** Every translate request answers {@code status} (once queued faults are used up) until cleared. */
    public void failWith(int status) {
        requireErrorStatus(status);
        persistentFault = status;
    }

    /** Translate requests with a text containing {@code marker} answer {@code status} and {@code message}. */
    public void rejectTextsContaining(String marker, int status, String message) {
        requireErrorStatus(status);
        rejections.add(new Rejection(marker, status, message));
    }

    /** Delays every translate response by {@code latency}. */
    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    /** Adds {@code Retry-After: <seconds>} to every 429 answer; null for none. */
    public void setRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    /** Removes queued and persistent faults, rejection rules, latency and Retry-After. */
    public void clearFaults() {
        queuedFaults.clear();
        persistentFault = null;
        rejections.clear();
        latency = Duration.ZERO;
        retryAfter = null;
    }

    /** Sets the quota reported by /v2/usage; translate answers 456 once the count reaches it. */
    public void setCharacterLimit(long characterLimit) {
        this.characterLimit = characterLimit;
    }

    /** Characters billed by successful translate requests; also /v2/usage's character_count. */
    public long billedCharacters() {
        return billedCharacters.get();
    }

    /** Number of translate requests received, whatever their outcome. */
    public int translateRequestCount() {
        return translateRequestCount.get();
    }

    /** Whether translate requests are kept for {@link #translateRequests}; off for long runs, to save memory. */
    public void keepRecords(boolean keep) {
        keepRecords = keep;
    }

    /** Translate requests being handled right now (received, not yet answered). */
    public int inFlight() {
        return inFlight.get();
    }

    /** CPU time spent answering requests, so a benchmark in the same JVM can tell it from its own. */
    public long handlerCpuNanos() {
        return handlerCpuNanos.get();
    }

    /** The most translate requests handled at once since the last call (or start); restarts the count. */
    public int takePeakInFlight() {
        return peakInFlight.getAndSet(inFlight.get());
    }

    /** Translate requests received, in order of completion. */
    public List<RecordedRequest> translateRequests() {
        synchronized (translateRequests) {
            return List.copyOf(translateRequests);
        }
    }

    /** Back to the state after start: no faults, no recordings, zero usage, default limit, no glossaries. */
    public void reset() {
        clearFaults();
        characterLimit = DEFAULT_CHARACTER_LIMIT;
        billedCharacters.set(0);
        translateRequests.clear();
        translateRequestCount.set(0);
        peakInFlight.set(inFlight.get());
        glossaries.clear();
    }

    /** The names of the glossaries created and not deleted, oldest first. */
    public List<String> glossaryNames() {
        return glossaries.names();
    }

    @Override
    public void close() {
        server.stop(0);
        // Interrupts handlers still sleeping for latency.
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        long cpuAtStart = THREADS.getCurrentThreadCpuTime();
        boolean translate = exchange.getRequestURI().getPath().equals("/v2/translate");
        // A translate request counts as in flight until its answer is ready, not until it is sent:
        // the client may send its next one as soon as it has the answer.
        AtomicBoolean inFlightCounted = new AtomicBoolean(translate);
        if (translate) {
            peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        }
        try {
            route(exchange, () -> {
                if (inFlightCounted.getAndSet(false)) {
                    inFlight.decrementAndGet();
                }
            });
        } catch (InterruptedException e) {
            // Shutting down while sleeping: the connection is closed without an answer.
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away; nobody to answer.
        } finally {
            exchange.close();
            if (inFlightCounted.getAndSet(false)) {
                inFlight.decrementAndGet();
            }
            handlerCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuAtStart);
        }
    }

    private void route(HttpExchange exchange, Runnable answerReady) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getPath();
        boolean translate = path.equals("/v2/translate");
        RawBody body = RawBody.read(exchange.getRequestBody());
        if (translate && !latency.isZero()) {
            Thread.sleep(latency.toMillis());
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, List<String>> params = Map.of();
        int status;
        Object response;
        try {
            if (body.size() > MAX_BODY_BYTES) {
                throw new ApiError(413, "Request body of " + body.size() + " bytes exceeds the limit of "
                        + MAX_BODY_BYTES + " bytes.");
            }
            params = parseParams(exchange.getRequestURI().getRawQuery(), contentType, body.bytes());
            authorize(exchange.getRequestHeaders().getFirst("Authorization"), params);
            String method = exchange.getRequestMethod();
            response = switch (path) {
                case "/v2/translate" -> translate(method, params);
                case "/v2/usage" -> usage(method);
                case "/v2/languages" -> languages(method, params);
                default -> {
                    if (!glossaries.handles(path)) {
                        throw new ApiError(404, "Not found: " + path);
                    }
                    yield glossaries.answer(method, path, params);
                }
            };
            status = 200;
        } catch (ApiError e) {
            status = e.status;
            response = Map.of("message", e.getMessage());
            if (status == 429 && retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter.toSeconds()));
            }
        }
        // Recorded before answering: a client that has its answer sees the record, and requests
        // whose client has given up (timeouts) are recorded too.
        if (translate) {
            translateRequestCount.incrementAndGet();
        }
        if (translate && keepRecords) {
            translateRequests.add(new RecordedRequest(contentType, body.size(), params,
                    params.getOrDefault("text", List.of()), param(params, "source_lang"),
                    param(params, "target_lang"), param(params, "context"), status));
        }
        answerReady.run();
        send(exchange, status, response);
    }

    private Object translate(String method, Map<String, List<String>> params) throws ApiError {
        requireMethod(method, "POST");
        Integer fault = queuedFaults.poll();
        if (fault == null) {
            fault = persistentFault;
        }
        if (fault != null) {
            throw new ApiError(fault, faultMessage(fault));
        }
        List<String> texts = params.getOrDefault("text", List.of());
        if (texts.isEmpty()) {
            throw new ApiError(400, "Parameter 'text' not specified.");
        }
        if (texts.size() > MAX_TEXTS) {
            throw new ApiError(400, "Too many texts: " + texts.size() + ", at most " + MAX_TEXTS + " per request.");
        }
        String target = param(params, "target_lang");
        if (target == null) {
            throw new ApiError(400, "Parameter 'target_lang' not specified.");
        }
        // "EN" is deprecated as a target but DeepL still accepts it.
        if (!target.equalsIgnoreCase("EN") && !listed(TARGET_LANGUAGES, target)) {
            throw new ApiError(400, "Value for 'target_lang' not supported.");
        }
        String source = param(params, "source_lang");
        if (source != null && !listed(SOURCE_LANGUAGES, source)) {
            throw new ApiError(400, "Value for 'source_lang' not supported.");
        }
        for (Rejection rejection : rejections) {
            if (texts.stream().anyMatch(text -> text.contains(rejection.marker()))) {
                throw new ApiError(rejection.status(), rejection.message());
            }
        }
        if (billedCharacters.get() >= characterLimit) {
            throw new ApiError(456, "Quota exceeded. The character limit has been reached.");
        }
        String glossaryId = param(params, "glossary_id");
        Map<String, String> glossary = glossaryId == null ? Map.of() : glossaries.entriesFor(glossaryId, source, target);
        boolean showBilled = isTrue(param(params, "show_billed_characters"));
        List<Map<String, Object>> translations = new ArrayList<>();
        long billedTotal = 0;
        for (String text : texts) {
            int billed = text.codePointCount(0, text.length());
            billedTotal += billed;
            Map<String, Object> translation = new LinkedHashMap<>();
            translation.put("detected_source_language",
                    source != null ? source.toUpperCase(Locale.ROOT) : SimTranslation.detectLanguage(text));
            translation.put("text", SimTranslation.translate(text, source, target, glossary));
            if (showBilled) {
                translation.put("billed_characters", billed);
            }
            translations.add(translation);
        }
        billedCharacters.addAndGet(billedTotal);
        return Map.of("translations", translations);
    }

    private Object usage(String method) throws ApiError {
        requireMethod(method, "GET", "POST");
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("character_count", billedCharacters.get());
        usage.put("character_limit", characterLimit);
        return usage;
    }

    private Object languages(String method, Map<String, List<String>> params) throws ApiError {
        requireMethod(method, "GET", "POST");
        String type = param(params, "type");
        if (type == null || type.equals("source")) {
            return SOURCE_LANGUAGES;
        }
        if (type.equals("target")) {
            return TARGET_LANGUAGES;
        }
        throw new ApiError(400, "Value for 'type' not supported.");
    }

    private void authorize(String authorization, Map<String, List<String>> params) throws ApiError {
        boolean headerOk = authorization != null && authorization.strip().equals("DeepL-Auth-Key " + authKey);
        if (!headerOk && !authKey.equals(param(params, "auth_key"))) {
            throw new ApiError(403, "Authorization failed. Please supply a valid DeepL-Auth-Key via the "
                    + "Authorization header.");
        }
    }

    private static Map<String, List<String>> parseParams(String rawQuery, String contentType, byte[] body)
            throws ApiError {
        Map<String, List<String>> params = new LinkedHashMap<>();
        addFormParams(params, rawQuery);
        String bodyText = new String(body, StandardCharsets.UTF_8);
        if (contentType == null || contentType.startsWith("application/x-www-form-urlencoded")) {
            addFormParams(params, bodyText);
        } else if (contentType.startsWith("application/json")) {
            addJsonParams(params, bodyText);
        } else {
            throw new ApiError(415, "Unsupported Content-Type: " + contentType);
        }
        params.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(params);
    }

    private static void addFormParams(Map<String, List<String>> params, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), key -> new ArrayList<>())
                    .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    private static void addJsonParams(Map<String, List<String>> params, String json) throws ApiError {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "Invalid JSON body: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ApiError(400, "JSON body must be an object.");
        }
        root.fields().forEachRemaining(field -> {
            List<String> values = params.computeIfAbsent(field.getKey(), key -> new ArrayList<>());
            JsonNode value = field.getValue();
            if (value.isArray()) {
                value.forEach(element -> values.add(element.asText()));
            } else if (!value.isNull()) {
                values.add(value.isContainerNode() ? value.toString() : value.asText());
            }
        });
    }

    /** First non-blank value of a parameter, or null. */
    static String param(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static boolean isTrue(String value) {
        return "1".equals(value) || "true".equalsIgnoreCase(value);
    }

    private static boolean listed(List<Map<String, Object>> languages, String code) {
        return languages.stream().anyMatch(language -> code.equalsIgnoreCase((String) language.get("language")));
    }

    static void requireMethod(String method, String... allowed) throws ApiError {
        if (!List.of(allowed).contains(method)) {
            throw new ApiError(405, "Method " + method + " not allowed.");
        }
    }

    private static void requireErrorStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("Not an error status: " + status);
        }
    }

    private static String faultMessage(int status) {
        String reason = switch (status) {
            case 429 -> "Too many requests";
            case 456 -> "Quota exceeded";
            case 500 -> "Internal server error";
            case 503 -> "Service unavailable";
            default -> "Error " + status;
        };
        return reason + " (injected by the DeepL simulator)";
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, Object> language(String code, String name, Boolean supportsFormality) {
        Map<String, Object> language = new LinkedHashMap<>();
        language.put("language", code);
        language.put("name", name);
        if (supportsFormality != null) {
            language.put("supports_formality", supportsFormality);
        }
        return Collections.unmodifiableMap(language);
    }

    private record Rejection(String marker, int status, String message) {
    }

    /** A request body: its first bytes up to just over the limit, and its full size. */
    private record RawBody(byte[] bytes, long size) {

        /** Reads the whole body so the client can finish sending before it gets a 413. */
        static RawBody read(InputStream in) throws IOException {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long size = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (size <= MAX_BODY_BYTES) {
                    kept.write(buffer, 0, read);
                }
                size += read;
            }
            return new RawBody(kept.toByteArray(), size);
        }
    }

    /** An answer other than 200, with DeepL's error body. */
    static final class ApiError extends Exception {
        final int status;

        ApiError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
