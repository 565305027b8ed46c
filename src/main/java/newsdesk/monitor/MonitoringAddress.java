package newsdesk.monitor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import newsdesk.translate.MissingSettingException;

/**
 * Where the monitoring server (health, metrics, status page) listens: newsdesk.monitoring.host and .port. Checked
 * before Camel starts it, because the embedded server reports a port in use only as a stack trace on
 * another thread and the service would run on without monitoring.
 */
public record MonitoringAddress(boolean enabled, String host, int port) {

    /** Fails with one line naming the setting when the port cannot be bound. */
    public void checkPortFree() throws MissingSettingException {
        if (!enabled || port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new MissingSettingException("NEWSDESK_MONITORING_PORT (newsdesk.monitoring.port) is " + port
                    + ", but " + host + ":" + port + " cannot be listened on (" + e.getMessage() + "; another Newsdesk?):"
                    + " stop what uses it, or set NEWSDESK_MONITORING_PORT to a free port.");
        }
    }

    /** The status page, or a note that monitoring is off. */
    public String statusPageUrl() {
        if (!enabled) {
            return "off (newsdesk.monitoring.enabled=false)";
        }
        String shownHost = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        return "http://" + (shownHost.contains(":") ? "[" + shownHost + "]" : shownHost) + ":" + port + "/";
    }
}
