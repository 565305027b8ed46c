package newsdesk.monitor;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;

/**
 * Stands before every handler of the monitoring port, so it covers every answer (/observe/*, the status page and
 * its API, a 404): the headers that keep a browser from running, framing or sniffing anything but the page's own
 * script, style and API; and a check of the Host header against DNS rebinding, where a web page the operator
 * visits points its own name at this address to read the API. A request is answered only when its Host is an IP
 * address (a rebound name never is), a loopback name, the address the port is bound to, or one of
 * {@code newsdesk.http.allowed-hosts}; any other gets 421 (Misdirected Request) and no data.
 */
public final class HttpGuard implements Handler<RoutingContext> {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final int MISDIRECTED = 421;

    private final Set<String> names;

    /** @param allowedHosts comma-separated names besides loopback ones and {@code boundHost} */
    public HttpGuard(String boundHost, String allowedHosts) {
        names = Stream.concat(Stream.of(boundHost), Arrays.stream(allowedHosts.split(",")))
                .map(HttpGuard::normalized).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Put before every other handler of the monitoring port, if it runs. */
    public void install(CamelContext context) {
        ManagementHttpServer server = context.hasService(ManagementHttpServer.class);
        if (server != null) {
            server.getRouter().route().order(Integer.MIN_VALUE).handler(this);
        }
    }

    @Override
    public void handle(RoutingContext request) {
        HttpServerResponse response = request.response();
        request.addHeadersEndHandler(done -> response.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer"));
        if (!allows(request.request().getHeader("Host"))) {
            response.setStatusCode(MISDIRECTED).end();
            return;
        }
        request.next();
    }

    /** Whether a request with this Host header is answered; without one (HTTP/1.0) there is no name to rebind. */
    boolean allows(String hostHeader) {
        if (hostHeader == null) {
            return true;
        }
        String host = hostOf(hostHeader.strip());
        return host.startsWith("[") || IPV4.matcher(host).matches() || host.equals("localhost") || host.endsWith(".localhost")
                || names.contains(host);
    }

    /** The host without its port, lower case, without a final dot; an IPv6 address keeps its brackets. */
    private static String hostOf(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int end = hostAndPort.indexOf(']');
            return end < 0 ? "" : hostAndPort.substring(0, end + 1);
        }
        int colon = hostAndPort.indexOf(':');
        return normalized(colon < 0 ? hostAndPort : hostAndPort.substring(0, colon));
    }

    private static String normalized(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
