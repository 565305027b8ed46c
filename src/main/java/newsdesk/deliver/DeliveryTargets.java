package newsdesk.deliver;

import java.util.Arrays;
import java.util.List;
import newsdesk.desk.Desk;
import newsdesk.translate.MissingSettingException;
import org.apache.camel.CamelContext;

/**
 * The targets named in newsdesk.deliver.targets ("file, kafka"), each delivered to by its route
 * {@code deliver-to-<name>} in routes/: a new target needs a route, not Java. Each desk delivers to
 * those of them its parameter targets names.
 */
public class DeliveryTargets {

    private final List<String> names;

    public DeliveryTargets(String list) {
        this.names = Arrays.stream(list.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    public List<String> names() {
        return names;
    }

    /** The endpoints a result of this desk is sent to, one per target it names. */
    public List<String> endpoints(Desk desk) {
        return desk.targets().stream().map(name -> "direct:deliver-to-" + name).toList();
    }

    /** Fails start-up, rather than every article later, when a target has no route or none is named. */
    public void check(CamelContext context) throws MissingSettingException {
        for (String name : names) {
            if (context.getRoute("deliver-to-" + name) == null) {
                throw new MissingSettingException("NEWSDESK_DELIVER_TARGETS names '" + name + "', but routes/ has no route deliver-to-"
                        + name + ": use file, jms, kafka or webhook, or add that route.");
            }
        }
        if (names.isEmpty()) {
            throw new MissingSettingException("NEWSDESK_DELIVER_TARGETS is empty: name at least one of file, jms, kafka, webhook.");
        }
    }
}
