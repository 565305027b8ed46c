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
import java.net.BindException;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 *       character limit, requests answer 456. There is no limit unless one is set
 *       ({@link #setCharacterLimit}, {@code --quota-chars}).
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
 * java -cp target/newsdesk.jar newsdesk.deeplsim.DeeplSimulator [--port N] [--key KEY] [--latency-ms N] [--quota-chars N]
 * </pre>
 * (or the short form {@code [port [key [latency-ms]]]}).
 */
public final class DeeplSimulator implements AutoCloseable {

    public static final int MAX_TEXTS = 50;
    public static final int MAX_BODY_BYTES = 128 * 1024;
    /** What DeepL reports as the limit of an account without one (/v2/usage), and the simulator's default. */
    public static final long UNLIMITED = 1_000_000_000_000L;
    /** No quota unless one is set ({@link #setCharacterLimit}, {@code --quota-chars}). */
    public static final long DEFAULT_CHARACTER_LIMIT = UNLIMITED;

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
    private final Set<String> withdrawnLanguages = ConcurrentHashMap.newKeySet();
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

    /**
     * Runs the simulator until the JVM is stopped; see {@link #USAGE}. A mistake in the arguments or a
     * port in use prints one line and exits with 2; {@code --help} prints the usage.
     */
    public static void main(String[] args) {
        try {
            Launch launch = Launch.parse(args);
            if (launch.help()) {
                System.out.println(USAGE);
                return;
            }
            DeeplSimulator simulator = launch.start();
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
            System.out.println("DeepL simulator listening on " + simulator.url() + " with auth key " + launch.key()
                    + (launch.quotaChars() == null ? ", no character quota" : ", a quota of " + launch.quotaChars() + " characters"));
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** How the command line is used. */
    public static final String USAGE = "Usage: java -cp target/newsdesk.jar newsdesk.deeplsim.DeeplSimulator"
            + " [--port N (8089; 0: any free one)] [--key KEY (sim-key)] [--latency-ms N (0)]"
            + " [--quota-chars N (none)], or the short form [port [key [latency-ms]]]";

    /** A command line the simulator cannot run with; its message is the one line to print. */
    public static final class UsageException extends Exception {
        UsageException(String message) {
            super(message + " " + USAGE, null, false, false);
        }
    }

    /** The simulator's command line: options, or the older positional form {@code [port [key [latency-ms]]]}. */
    public record Launch(boolean help, int port, String key, long latencyMs, Long quotaChars) {

        public static Launch parse(String... args) throws UsageException {
            List<String> list = List.of(args);
            if (list.contains("--help") || list.contains("-h")) {
                return new Launch(true, 0, null, 0, null);
            }
            Map<String, String> values = new LinkedHashMap<>();
            if (list.isEmpty() || list.get(0).startsWith("-")) {
                for (int i = 0; i < args.length; i++) {
                    String[] option = args[i].split("=", 2);
                    if (!List.of("--port", "--key", "--latency-ms", "--quota-chars").contains(option[0])) {
                        throw new UsageException("Unknown option " + args[i] + ".");
                    }
                    if (option.length == 1 && i + 1 >= args.length) {
                        throw new UsageException(option[0] + " needs a value.");
                    }
                    values.put(option[0], option.length == 2 ? option[1] : args[++i]);
                }
            } else {
                if (args.length > 3) {
                    throw new UsageException("Too many arguments.");
                }
                String[] names = {"--port", "--key", "--latency-ms"};
                for (int i = 0; i < args.length; i++) {
                    values.put(names[i], args[i]);
                }
            }
            String quota = values.get("--quota-chars");
            return new Launch(false, (int) number(values, "--port", 8089, 65535), values.getOrDefault("--key", "sim-key"),
                    number(values, "--latency-ms", 0, Long.MAX_VALUE),
                    quota == null ? null : number(values, "--quota-chars", 0, Long.MAX_VALUE));
        }

        private static long number(Map<String, String> values, String name, long otherwise, long max) throws UsageException {
            String value = values.get(name);
            if (value == null) {
                return otherwise;
            }
            try {
                long number = Long.parseLong(value.strip());
                if (number >= 0 && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // Said below.
            }
            throw new UsageException(name + " is '" + value + "': give a whole number from 0 to " + max + ".");
        }

        /** Starts the simulator as the command line says. */
        public DeeplSimulator start() throws UsageException {
            DeeplSimulator simulator;
            try {
                simulator = DeeplSimulator.start(key, port);
            } catch (IOException e) {
                throw new UsageException("Cannot listen on 127.0.0.1:" + port + " (" + (e instanceof BindException
                        ? "the port is in use" : e.getMessage()) + "): choose another with --port.");
            }
            simulator.setLatency(Duration.ofMillis(latencyMs));
            if (quotaChars != null) {
                simulator.setCharacterLimit(quotaChars);
            }
            return simulator;
        }
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

    /**
     * DeepL no longer offers this language: /v2/languages leaves it out and translate requests naming
     * it as source or target answer 400, until {@link #clearFaults}.
     */
    public void withdrawLanguage(String code) {
        withdrawnLanguages.add(code.toUpperCase(Locale.ROOT));
    }

    /** Delays every translate response by {@code latency}. */
    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    /** Adds {@code Retry-After: <seconds>} to every 429 answer; null for none. */
    public void setRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    /** Removes queued and persistent faults, rejection rules, withdrawn languages, latency and Retry-After. */
    public void clearFaults() {
        queuedFaults.clear();
        withdrawnLanguages.clear();
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
            return offered(SOURCE_LANGUAGES);
        }
        if (type.equals("target")) {
            return offered(TARGET_LANGUAGES);
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

    private boolean listed(List<Map<String, Object>> languages, String code) {
        return offered(languages).stream().anyMatch(language -> code.equalsIgnoreCase((String) language.get("language")));
    }

    private List<Map<String, Object>> offered(List<Map<String, Object>> languages) {
        return languages.stream().filter(language -> !withdrawnLanguages.contains(language.get("language"))).toList();
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
