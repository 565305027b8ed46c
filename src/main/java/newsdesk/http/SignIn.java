package newsdesk.http;

import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthenticationHandler;
import io.vertx.ext.web.handler.BasicAuthHandler;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Set;
import newsdesk.translate.MissingSettingException;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig.AuthenticationConfigEntry;

/**
 * Sign-in on the monitoring port (newsdesk.http.users-file): every answer needs HTTP Basic credentials of a user in
 * the file, but the probes a load balancer or Kubernetes asks. It is Camel's own authentication of the management
 * server (an {@link AuthenticationConfig} entry for every path, which also answers 401) with Vert.x's
 * {@link BasicAuthHandler}; only the check of an htpasswd bcrypt entry is Newsdesk's ({@link HtpasswdUsers}).
 */
public final class SignIn {

    /** What health checkers ask, without credentials. */
    static final Set<String> OPEN_PATHS = Set.of("/observe/health/live", "/observe/health/ready");
    private static final String REALM = "Newsdesk";

    private SignIn() {
    }

    /**
     * The users, or null when no users file is set. Without one the server answers anyone, so it may listen only on
     * this machine (loopback); elsewhere Newsdesk does not start.
     */
    public static HtpasswdUsers users(boolean monitoring, String host, String usersFile) throws MissingSettingException {
        if (!usersFile.isBlank()) {
            return HtpasswdUsers.read(Path.of(usersFile));
        }
        if (monitoring && !isLoopback(host)) {
            throw new MissingSettingException("NEWSDESK_MONITORING_HOST (newsdesk.monitoring.host) is " + host + ", but without "
                    + "NEWSDESK_HTTP_USERS_FILE (newsdesk.http.users-file) the status page, the API and the metrics would answer "
                    + "anyone who reaches it: set a users file (htpasswd -B), or the host 127.0.0.1.");
        }
        return null;
    }

    /** Before the management server starts: every path needs sign-in, but the probes. */
    public static void install(CamelContext context, HtpasswdUsers users) {
        ManagementHttpServer server = context.hasService(ManagementHttpServer.class);
        if (server == null) {
            return;
        }
        AuthenticationConfigEntry entry = new AuthenticationConfigEntry();
        entry.setPath("/*");
        entry.setAuthenticationProviderFactory(vertx -> new HtpasswdAuthentication(vertx, users));
        entry.setAuthenticationHandlerFactory(new AuthenticationConfig.AuthenticationHandlerFactory() {
            @Override
            public <T extends AuthenticationProvider> AuthenticationHandler createAuthenticationHandler(T provider) {
                return new ProbesOpen(BasicAuthHandler.create(provider, REALM));
            }
        });
        AuthenticationConfig authentication = server.getConfiguration().getAuthenticationConfig();
        authentication.getEntries().add(entry);
        authentication.setEnabled(true);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Vert.x's Basic authentication, but the health probes pass without. */
    private record ProbesOpen(AuthenticationHandler basic) implements AuthenticationHandler {
        @Override
        public void handle(RoutingContext request) {
            if (OPEN_PATHS.contains(request.normalizedPath())) {
                request.next();
            } else {
                basic.handle(request);
            }
        }
    }
}
