package newsdesk.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** The yardstick: the same files moved by a plain Camel file-to-file route, in the same JVM. */
final class FileCopyBaseline {

    private FileCopyBaseline() {
    }

    /** Moves every file from {@code inbox} to {@code outbox} and returns how long that took. */
    static RunClock run(Path inbox, Path outbox, int files) throws Exception {
        RunClock clock = new RunClock("file-to-file", files);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getManagementStrategy().addEventNotifier(clock);
            // A lambda, not a RouteBuilder subclass, which a scan of newsdesk.* for routes would add to the service.
            RouteBuilder.addRoutes(context, routes ->
                    routes.from(inbox.toUri().toString()).routeId("file-to-file").to(outbox.toUri().toString()));
            context.start();
            if (!clock.awaitDone(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The file-to-file baseline did not finish: " + clock.remaining() + " files left.");
            }
        }
        return clock;
    }
}
