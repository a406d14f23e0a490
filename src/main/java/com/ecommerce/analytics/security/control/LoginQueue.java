package com.ecommerce.analytics.security.control;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.ecommerce.analytics.platform.database.WriteRetries;
import com.ecommerce.analytics.platform.errors.ServerBusy;
import com.ecommerce.analytics.security.entity.User;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;

/**
 * Logins wait for their password hashing on a few threads of their own (concurrent/logins in server.xml: how many
 * at once, how many may queue), not on the server's request threads: a storm of logins fills this queue, is answered
 * 503 beyond it, and every other request, /health/live included, still finds a free thread.
 */
@ApplicationScoped
public class LoginQueue {

    private static final long LONGEST_WAIT_SECONDS = 20;

    @Resource(lookup = "concurrent/logins")
    ManagedExecutorService logins;

    @Inject
    Authentication authentication;

    @Inject
    LoginThrottle throttle;

    @Inject
    WriteRetries retries;

    /**
     * Answers the response with the token pair or the login's error. A throttled client is answered at once, without
     * queueing; the login checks the throttle again when its turn comes, for the failures that arrived meanwhile.
     */
    public void login(String username, String password, String address, AsyncResponse response) {
        login(username, password, address, response, tokens -> tokens);
    }

    /** As login above, the token pair given to the client in the shape it asked for. */
    public void login(String username, String password, String address, AsyncResponse response,
                      Function<TokenPair, Object> answer) {
        throttle.checkAllowed(username, address);
        response.setTimeout(LONGEST_WAIT_SECONDS, TimeUnit.SECONDS);
        response.setTimeoutHandler(late -> late.resume(busy()));
        try {
            logins.execute(() -> {
                if (!response.isSuspended()) {
                    return;
                }
                try {
                    response.resume(answer.apply(login(username, password, address)));
                } catch (RuntimeException e) {
                    response.resume(e);
                }
            });
        } catch (RejectedExecutionException e) {
            response.resume(busy());
        }
    }

    /**
     * Only the new login's transaction is redone after a lock conflict, never the whole login: the attempt was counted
     * in a transaction committed on its own (LoginThrottle), so a redo would count a failed attempt twice.
     */
    private TokenPair login(String username, String password, String address) {
        User user = authentication.checkCredentials(username, password, address);
        return retries.call(() -> authentication.startLogin(user));
    }

    private static ServerBusy busy() {
        return new ServerBusy("Too many logins at once; try again in a few seconds.", 5);
    }
}
