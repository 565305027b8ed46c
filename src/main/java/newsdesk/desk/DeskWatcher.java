package newsdesk.desk;

import com.deepl.api.DeepLException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import newsdesk.glossary.GlossaryFile;
import newsdesk.glossary.GlossarySync;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one route per desk file, from the route template {@code desk}, and keeps them in step with the
 * desk and glossary files while the service runs: a new desk starts, a changed one is stopped after
 * its articles in flight and started with its new parameters, a removed one is stopped after its
 * articles in flight. Glossaries are brought in step with DeepL first, so a desk finds its glossary.
 *
 * <p>A file that cannot be used (bad YAML, unknown parameter, a glossary there is not, two desks
 * sharing a folder) changes nothing: the desk it held keeps running as it was, and one ERROR names
 * the file and the problem. Unlike Camel's own route reload, nothing else is touched.
 *
 * <p>Each desk's inbox gets a file filter of its own, bound as {@code inboxArrivals-<desk>}. On a node
 * that runs no desks (role worker) only the glossaries are kept in step; on one that never translates
 * (role ingest) only the desks.
 */
public class DeskWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(DeskWatcher.class);
    /** The registry name of a desk's inbox filter, before the desk's name (routes/articles.camel.yaml). */
    private static final String ARRIVALS = "inboxArrivals-";
    /** How long the ready line waits for the desks to start. */
    private static final long START_WAIT_SECONDS = 30;

    private final CamelContext context;
    private final Path desksFolder;
    private final Path glossaryFolder;
    /** Built on first use, as the DeepL client it needs is; null on a node that never translates. */
    private final Supplier<GlossarySync> glossarySync;
    private GlossarySync glossaries;
    private final Function<Desk, Object> arrivals;
    private final boolean runsDesks;
    /** The service's own folders (data, cache, desk and glossary files), where no desk folder may be. */
    private final List<Path> serviceFolders;
    private final CountDownLatch firstLook = new CountDownLatch(1);
    /** Said once, not at every look while DeepL does not answer. */
    private boolean syncFailing;
    /** Running desks by the file they came from; changed by a look only. */
    private final Map<Path, Desk> running = new HashMap<>();
    /**
     * The running desks by name, for the articles' threads: read without the look's lock, as a look may wait
     * for a stopping desk's articles in flight, and those of every other desk must go on meanwhile.
     */
    private volatile Map<String, Desk> byName = Map.of();
    private List<String> lastLook = List.of();
    private Map<Path, String> reported = Map.of();

    /**
     * @param glossaries the glossary sync, asked for on first use; returns null on a node that never translates
     * @param arrivals   makes the inbox file filter of a desk
     * @param runsDesks  false on a node that only takes articles from the work queue
     * @param dataFolders the folders of the data folder that are the service's own (cache, broker...)
     */
    public DeskWatcher(CamelContext context, Path desksFolder, Path glossaryFolder, Supplier<GlossarySync> glossaries,
                       Function<Desk, Object> arrivals, boolean runsDesks, List<Path> dataFolders) {
        this.context = context;
        this.desksFolder = desksFolder;
        this.glossaryFolder = glossaryFolder;
        this.glossarySync = glossaries;
        this.arrivals = arrivals;
        this.runsDesks = runsDesks;
        this.serviceFolders = Stream.concat(Stream.of(desksFolder, glossaryFolder), dataFolders.stream()).toList();
    }

    /** Looks at the desk and glossary files; when any changed, brings glossaries and desk routes in step. */
    public synchronized void look() throws Exception {
        try {
            bringInStep();
        } finally {
            firstLook.countDown();
        }
    }

    private void bringInStep() throws Exception {
        List<String> look = snapshot();
        if (glossaries == null) {
            glossaries = glossarySync.get();
        }
        if (look.equals(lastLook) && (glossaries == null || !glossaries.hasDeletionsWaiting())) {
            return;
        }
        Map<Path, String> problems = new LinkedHashMap<>();
        boolean inStep = syncGlossaries(problems);
        if (runsDesks) {
            apply(readDesks(problems), problems);
            if (running.isEmpty()) {
                LOG.warn("No desk runs, so no inbox is watched: add a desk file to {} (docs/desks.md).", desksFolder);
            }
        }
        report(problems);
        // Until DeepL has taken the glossaries, every look tries again.
        if (inStep) {
            lastLook = look;
        }
    }

    /** Whether DeepL's glossaries are in step with the files now (always, where nothing is translated). */
    private boolean syncGlossaries(Map<Path, String> problems) throws InterruptedException, IOException {
        if (!translatesHere() || (!hasGlossaryFiles() && !glossaries.hasAny())) {
            return true;
        }
        Set<String> glossariesInUse = running.values().stream().map(Desk::glossary)
                .filter(name -> name != null).collect(Collectors.toSet());
        try {
            glossaries.sync(glossariesInUse).problems().forEach(problems::put);
            syncFailing = false;
            return true;
        } catch (DeepLException e) {
            // The desks run on as they are meanwhile; one naming a glossary DeepL does not have yet waits.
            if (!syncFailing) {
                LOG.warn("Glossaries not brought in step with DeepL ({}); tried again at every look until it answers.",
                        e.getMessage());
            }
            syncFailing = true;
            return false;
        }
    }

    /** Whether this node translates and delivers (every role but ingest): only then has it glossaries. */
    private boolean translatesHere() {
        return glossaries != null;
    }

    private boolean hasGlossaryFiles() throws IOException {
        if (!Files.isDirectory(glossaryFolder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(glossaryFolder)) {
            return files.anyMatch(file -> Files.isRegularFile(file) && GlossaryFile.isGlossaryFile(file));
        }
    }

    /** The running desk of this name, whose settings go with each of its articles; null when there is none. */
    public Desk named(String name) {
        return byName.get(name);
    }

    /** The desks for the ready line: each one's inbox, name, languages and targets. Waits for the first look at start. */
    public String describe() throws InterruptedException {
        if (!firstLook.await(START_WAIT_SECONDS, TimeUnit.SECONDS)) {
            return "no desk yet";
        }
        return runningDesks();
    }

    private String runningDesks() {
        if (byName.isEmpty()) {
            return "no inbox (no desk runs; see " + desksFolder + ")";
        }
        return byName.values().stream().sorted(Comparator.comparing(Desk::name))
                .map(desk -> desk.inbox() + " (desk " + desk.name() + ", " + desk.parameters().get("sourceLanguage")
                        + " → " + desk.targetLanguage() + ", results to " + String.join(", ", desk.targets())
                        + (desk.targets().contains("file") ? " " + desk.outbox() : "") + ")")
                .collect(Collectors.joining(", "));
    }

    /** The inboxes of the desks running now, by desk name in order. */
    public Map<String, Path> inboxes() {
        Map<String, Path> inboxes = new TreeMap<>();
        byName.values().forEach(desk -> inboxes.put(desk.name(), desk.inbox()));
        return inboxes;
    }

    /** The desks running now, by name. */
    public Map<String, Desk> desks() {
        return byName;
    }

    /**
     * The desks the files ask for. Each is checked on its own, then against the others: desks that run on as they
     * are (unchanged, or kept because their file is broken) come first, so a new or changed file that clashes
     * with one of them is the broken edit, whatever the files' names; a refused change keeps its old desk in the way.
     */
    private Map<Path, Desk> readDesks(Map<Path, String> problems) throws IOException {
        Map<String, String> defaults = templateDefaults();
        Map<Path, Desk> read = new LinkedHashMap<>();
        for (Path file : deskFiles()) {
            try {
                Desk desk = DeskFile.read(file, defaults, context::resolvePropertyPlaceholders, serviceFolders);
                if (syncFailing && desk.glossary() != null && glossaries.get(desk.glossary()) == null) {
                    throw new DeskException("Desk " + desk.name() + " waits for DeepL to take its glossary '" + desk.glossary()
                            + "' and starts once DeepL answers (" + file + ").");
                }
                desk.check(glossaries);
                checkTargets(desk);
                read.put(file, desk);
            } catch (DeskException e) {
                problems.put(file, e.getMessage());
            }
        }
        List<Desk> taken = new ArrayList<>();
        running.forEach((file, desk) -> {
            if (!read.containsKey(file) && problems.containsKey(file) && Files.exists(file)) {
                taken.add(desk);
            }
        });
        // Unchanged desks, then changed ones (a refused change keeps the desk it replaces), then new ones.
        List<Path> order = new ArrayList<>(read.keySet());
        order.sort(Comparator.comparingInt((Path file) -> read.get(file).equals(running.get(file)) ? 0 : running.containsKey(file) ? 1 : 2));
        Map<Path, Desk> wanted = new LinkedHashMap<>();
        for (Path file : order) {
            try {
                checkApart(read.get(file), taken);
                taken.add(read.get(file));
                wanted.put(file, read.get(file));
            } catch (DeskException e) {
                problems.put(file, e.getMessage());
                if (running.containsKey(file)) {
                    taken.add(running.get(file));
                }
            }
        }
        return wanted;
    }

    /** A desk delivers to targets the service is set up for; nodes that never deliver (role ingest) leave this to the workers. */
    private void checkTargets(Desk desk) throws DeskException {
        if (!translatesHere()) {
            return;
        }
        for (String target : desk.targets()) {
            // The model, not the running routes: the first look comes before Camel makes any route.
            if (model().getRouteDefinition("deliver-to-" + target) == null) {
                throw new DeskException("Desk file " + desk.file() + ": targets names " + target
                        + ", which newsdesk.deliver.targets (NEWSDESK_DELIVER_TARGETS) does not set up.");
            }
        }
    }

    /** Two desks never share a name or a folder. */
    private static void checkApart(Desk desk, Iterable<Desk> others) throws DeskException {
        for (Desk other : others) {
            if (other.name().equals(desk.name())) {
                throw new DeskException("Desk file " + desk.file() + ": desk '" + desk.name() + "' is in "
                        + other.file().getFileName() + " already.");
            }
            for (Path folder : desk.folders()) {
                for (Path theirs : other.folders()) {
                    String clash = DeskFolders.clash(folder, theirs);
                    if (clash != null) {
                        throw new DeskException("Desk file " + desk.file() + ": folder " + folder + " and desk " + other.name()
                                + "'s folder " + theirs + " " + clash + ".");
                    }
                }
            }
        }
    }

    private void apply(Map<Path, Desk> wanted, Map<Path, String> problems) throws Exception {
        // Removed and changed desks stop first, so a desk moving to another file never runs twice.
        for (Map.Entry<Path, Desk> current : List.copyOf(running.entrySet())) {
            Path file = current.getKey();
            Desk now = wanted.get(file);
            boolean keptAsItWas = now == null && problems.containsKey(file) && Files.exists(file);
            if (keptAsItWas || (now != null && now.parameters().equals(current.getValue().parameters()))) {
                continue;
            }
            stop(current.getValue());
            running.remove(file);
            publish();
            if (now == null) {
                LOG.info("Desk {} stopped: {} is gone.", current.getValue().name(), file.getFileName());
            } else {
                LOG.info("Desk {} changed in {}: its articles in flight are done, it starts again.", now.name(),
                        file.getFileName());
            }
        }
        Set<String> names = running.values().stream().map(Desk::name).collect(Collectors.toCollection(HashSet::new));
        for (Map.Entry<Path, Desk> desk : wanted.entrySet()) {
            if (running.containsKey(desk.getKey())) {
                continue;
            }
            if (!names.add(desk.getValue().name())) {
                problems.put(desk.getKey(), "Desk file " + desk.getKey() + ": desk '" + desk.getValue().name()
                        + "' runs from another file.");
                continue;
            }
            // Known by name before its route takes the first file.
            running.put(desk.getKey(), desk.getValue());
            publish();
            try {
                start(desk.getValue());
            } catch (Exception e) {
                running.remove(desk.getKey());
                publish();
                stop(desk.getValue());
                problems.put(desk.getKey(), "Desk file " + desk.getKey() + ": desk '" + desk.getValue().name()
                        + "' cannot start (" + e.getMessage() + ").");
            }
        }
    }

    private void publish() {
        byName = running.values().stream().collect(Collectors.toUnmodifiableMap(Desk::name, desk -> desk));
    }

    private void start(Desk desk) throws Exception {
        for (Path folder : desk.folders()) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                // Said again, file by file, when an article cannot be written there.
                LOG.warn("Desk {}: folder {} cannot be made ({}).", desk.name(), folder, e.getClass().getSimpleName());
            }
        }
        context.getRegistry().bind(ARRIVALS + desk.name(), arrivals.apply(desk));
        Map<String, Object> parameters = new HashMap<>(desk.parameters());
        // Started at once while Camel runs; at the first look, before Camel starts, it starts with the other routes.
        TemplatedRouteBuilder.builder(context, DeskFile.TEMPLATE).routeId(desk.routeId()).parameters(parameters).add();
        LOG.info("Desk {} runs: {} → {} ({} → {}).", desk.name(), desk.parameters().get("inbox"),
                desk.parameters().get("outbox"), desk.parameters().get("sourceLanguage"), desk.targetLanguage());
    }

    /** Waits for the desk's articles in flight (up to the shutdown timeout), then removes its route. */
    private void stop(Desk desk) throws Exception {
        if (context.getRoute(desk.routeId()) != null) {
            context.getRouteController().stopRoute(desk.routeId());
            context.removeRoute(desk.routeId());
        }
        context.getRegistry().unbind(ARRIVALS + desk.name());
    }

    private Map<String, String> templateDefaults() {
        RouteTemplateDefinition template = model().getRouteTemplateDefinition(DeskFile.TEMPLATE);
        if (template == null) {
            throw new IllegalStateException("No route template '" + DeskFile.TEMPLATE + "' in routes/");
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        for (RouteTemplateParameterDefinition parameter : template.getTemplateParameters()) {
            defaults.put(parameter.getName(), parameter.getDefaultValue());
        }
        return defaults;
    }

    private Model model() {
        return context.getCamelContextExtension().getContextPlugin(Model.class);
    }

    private List<Path> deskFiles() throws IOException {
        if (!Files.isDirectory(desksFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(desksFolder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml")).filter(Files::isRegularFile)
                    .sorted().toList();
        }
    }

    /** Name, size and time of every desk and glossary file: what changes when a file is edited, added or removed. */
    private List<String> snapshot() throws IOException {
        List<String> look = new ArrayList<>();
        for (Path folder : List.of(desksFolder, glossaryFolder)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    look.add(file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
                }
            }
        }
        return look;
    }

    /** Each problem is logged once, not again at every look while the file stays as it is. */
    private void report(Map<Path, String> problems) {
        problems.forEach((file, problem) -> {
            if (!problem.equals(reported.get(file))) {
                LOG.error("{} Running desks stay as they were.", problem);
            }
        });
        reported = Map.copyOf(problems);
    }
}
