package newsdesk.monitor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import java.util.List;

/**
 * The JVM's memory, GC, thread, CPU and file-descriptor metrics on /observe/metrics (Micrometer's own
 * binders). Bound once the routes run, not by Camel Main ({@code camel.metrics.binders}), which reads an
 * index of every binder it knows first and does it all before any route starts: on two cores that kept
 * the first article waiting.
 */
public final class JvmMetrics {

    private JvmMetrics() {
    }

    public static void bindTo(MeterRegistry registry) {
        List.of(new JvmMemoryMetrics(), new JvmGcMetrics(), new JvmThreadMetrics(), new ProcessorMetrics(),
                new FileDescriptorMetrics()).forEach(binder -> binder.bindTo(registry));
    }
}
