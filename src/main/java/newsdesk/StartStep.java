package newsdesk;

import org.apache.camel.CamelContext;

/** A step a configuration class takes once, when the routes have started; not again when desk routes start later. */
public interface StartStep {

    void run(CamelContext context) throws Exception;

    static void atStart(CamelContext context, StartStep step) throws Exception {
        context.addStartupListener((started, alreadyStarted) -> {
            if (!alreadyStarted) {
                step.run(started);
            }
        });
    }
}
