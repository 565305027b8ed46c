package newsdesk.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import newsdesk.budget.DeeplBudget;
import newsdesk.budget.DeeplUsage;
import newsdesk.ingest.InboxLeader;
import newsdesk.state.ServiceState;
import newsdesk.translate.DeeplTranslator;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Headers;

/**
 * The status page on the monitoring port (routes/status-page.camel.yaml): its three files, fixed
 * resources of the jar (never a file named by the request), and the JSON API it reads, {@code /api/status}
 * and {@code /api/articles}. Nothing here knows the DeepL key.
 */
public class StatusPage {

    /** The desk /api/articles shows when none is named: the one Newsdesk ships with. */
    static final String DEFAULT_DESK = "default";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PAGE_FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "status.js", "text/javascript; charset=utf-8",
            "status.css", "text/css; charset=utf-8");

    private final RecentArticles recent;
    private final String role;
    private final Supplier<Map<String, Path>> inboxes;
    private final ServiceState state;
    private final DeeplBudget budget;
    private final DeeplUsage usage;
    private final Supplier<DeeplTranslator> translator;
    private final Supplier<InboxLeader> leader;
    private final LongSupplier workQueue;
    private final boolean simulator;
    private final Map<String, String> pageFiles;

    /**
     * {@code translator}: null on a node that does not translate (role ingest); {@code leader}: null on one
     * that takes no part in the inbox's election (role worker); {@code workQueue}: the articles waiting on the
     * work queue, null where that is not known (every node but an ingest node on Artemis); {@code simulator}: the
     * DeepL simulator stands in for DeepL (newsdesk.deepl.simulator), which the page says in a banner.
     */
    public StatusPage(RecentArticles recent, String role, Supplier<Map<String, Path>> inboxes, ServiceState state, DeeplBudget budget,
                      DeeplUsage usage, Supplier<DeeplTranslator> translator, Supplier<InboxLeader> leader,
                      LongSupplier workQueue, boolean simulator) {
        this.recent = recent;
        this.role = role;
        this.inboxes = inboxes;
        this.state = state;
        this.budget = budget;
        this.usage = usage;
        this.translator = translator;
        this.leader = leader;
        this.workQueue = workQueue;
        this.simulator = simulator;
        this.pageFiles = PAGE_FILES.keySet().stream()
                .collect(Collectors.toUnmodifiableMap(name -> name, StatusPage::read));
    }

    /** One of the page's own files, named by the route; its type in Content-Type. */
    public String pageFile(String name, @Headers Map<String, Object> headers) {
        String content = pageFiles.get(name);
        if (content == null) {
            throw new IllegalArgumentException("The status page has no file " + name);
        }
        headers.put(Exchange.CONTENT_TYPE, PAGE_FILES.get(name));
        return content;
    }

    /** /api/status: the node, the desks, the rejected files and DeepL. */
    public String status(@Headers Map<String, Object> headers) throws JsonProcessingException {
        ObjectNode status = JSON.createObjectNode();
        status.put("time", Instant.now().toString());
        ObjectNode node = status.putObject("node");
        node.put("role", role);
        if (leader == null) {
            node.putNull("inboxLeader");
        } else {
            node.put("inboxLeader", leader.get().isLeader());
        }
        if (workQueue == null) {
            node.putNull("workQueue");
        } else {
            node.put("workQueue", workQueue.getAsLong());
        }
        var desks = status.putArray("desks");
        Map<String, Path> running = inboxes.get();
        for (RecentArticles.Today today : recent.today(running.keySet())) {
            Path inbox = running.get(today.desk());
            // A worker runs no desks of its own and shows every desk it worked for; other nodes the desks they run.
            if (inbox == null && !role.equals("worker")) {
                continue;
            }
            ObjectNode desk = JSON.valueToTree(today);
            if (inbox != null) {
                desk.put("backlog", InboxBacklog.count(inbox));
                desk.put("unsupported", InboxBacklog.unsupported(inbox));
            }
            desks.add(desk);
        }
        status.set("rejected", JSON.valueToTree(recent.rejected()));
        status.set("paused", paused());
        status.set("deepl", deepl());
        return json(status, headers);
    }

    /** /api/articles?desk=&limit=: the latest delivered articles of a desk, newest first. */
    public String articles(@Header("desk") String desk, @Header("limit") String limit,
                           @Headers Map<String, Object> headers) throws JsonProcessingException {
        int most = recent.keep();
        if (limit != null && !limit.isBlank()) {
            try {
                most = Math.min(most, Integer.parseInt(limit.strip()));
            } catch (NumberFormatException e) {
                most = -1;
            }
            if (most < 1) {
                headers.put(Exchange.HTTP_RESPONSE_CODE, 400);
                return json(JSON.createObjectNode().put("error", "limit must be a whole number of at least 1"), headers);
            }
        }
        String deskName = desk == null || desk.isBlank() ? DEFAULT_DESK : desk;
        return json(JSON.valueToTree(recent.latest(deskName, most)), headers);
    }

    private ObjectNode deepl() {
        ObjectNode deepl = JSON.createObjectNode();
        deepl.put("simulator", simulator);
        if (translator == null) {
            deepl.putNull("requestsInFlight");
            deepl.putNull("requestsInFlightLimit");
        } else {
            deepl.put("requestsInFlight", translator.get().requestsInFlight());
            deepl.put("requestsInFlightLimit", translator.get().requestsInFlightLimit());
        }
        // The budget used up is one of the state's conditions.
        String paused = state.problem();
        deepl.put("paused", paused != null);
        deepl.put("pauseReason", paused);
        ObjectNode figures = deepl.putObject("budget");
        figures.put("monthlyLimit", budget.monthlyLimit());
        figures.put("dailyLimit", budget.dailyLimit());
        figures.put("usedThisMonth", budget.usedThisMonth());
        figures.put("usedToday", budget.usedToday());
        figures.put("remainingThisMonth", budget.remainingThisMonth());
        figures.put("projectedThisMonth", budget.projectedThisMonth());
        ObjectNode account = deepl.putObject("account");
        account.put("used", usage.used());
        account.put("limit", usage.limit());
        return deepl;
    }

    /** The conditions that stop Newsdesk taking work, each with its reason and since when; empty while it works. */
    private ArrayNode paused() {
        var paused = JSON.createArrayNode();
        for (ServiceState.Hold hold : state.holds()) {
            paused.addObject().put("condition", hold.condition().id()).put("reason", hold.reason())
                    .put("since", hold.since().toString());
        }
        return paused;
    }

    private static String json(Object value, Map<String, Object> headers) throws JsonProcessingException {
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        return JSON.writeValueAsString(value);
    }

    private static String read(String name) {
        try (InputStream in = StatusPage.class.getResourceAsStream("/status/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The jar lacks the status page's file status/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
