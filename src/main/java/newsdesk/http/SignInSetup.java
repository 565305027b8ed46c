package newsdesk.http;

import newsdesk.translate.MissingSettingException;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * At start: the users file is read (or its absence allowed: only on loopback) before any bean is built, and sign-in
 * is put in front of the monitoring server once Camel Main has made it, before it listens.
 */
public final class SignInSetup extends MainListenerSupport {

    private HtpasswdUsers users;

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        try {
            users = SignIn.users(Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{newsdesk.monitoring.enabled}}")),
                    context.resolvePropertyPlaceholders("{{newsdesk.monitoring.host}}"),
                    context.resolvePropertyPlaceholders("{{newsdesk.http.users-file}}"));
        } catch (MissingSettingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void afterConfigure(BaseMainSupport main) {
        if (users != null) {
            SignIn.install(main.getCamelContext(), users);
        }
    }
}
