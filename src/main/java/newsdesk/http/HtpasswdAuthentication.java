package newsdesk.http;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.auth.authentication.Credentials;
import io.vertx.ext.auth.authentication.UsernamePasswordCredentials;

/**
 * Vert.x's side of sign-in: the user and password Vert.x's {@code BasicAuthHandler} took from the request, checked
 * against the users file. bcrypt is slow on purpose, so it runs on a worker thread, never on the event loop.
 */
final class HtpasswdAuthentication implements AuthenticationProvider {

    private final Vertx vertx;
    private final HtpasswdUsers users;

    HtpasswdAuthentication(Vertx vertx, HtpasswdUsers users) {
        this.vertx = vertx;
        this.users = users;
    }

    @Override
    public void authenticate(Credentials credentials, Handler<AsyncResult<User>> resultHandler) {
        authenticate(credentials).onComplete(resultHandler);
    }

    @Override
    public Future<User> authenticate(Credentials credentials) {
        if (!(credentials instanceof UsernamePasswordCredentials given) || given.getUsername() == null || given.getPassword() == null) {
            return Future.failedFuture("user and password expected");
        }
        return vertx.executeBlocking(() -> {
            if (!users.verify(given.getUsername(), given.getPassword())) {
                throw new SecurityException("unknown user or wrong password");
            }
            return User.fromName(given.getUsername());
        }, false);
    }

    @Override
    public void authenticate(JsonObject credentials, Handler<AsyncResult<User>> resultHandler) {
        authenticate(new UsernamePasswordCredentials(credentials), resultHandler);
    }
}
