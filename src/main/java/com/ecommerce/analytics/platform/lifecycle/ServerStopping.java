package com.ecommerce.analytics.platform.lifecycle;

import java.util.concurrent.atomic.AtomicBoolean;

import com.ecommerce.analytics.platform.errors.ApiException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ws.rs.core.Response.Status;

/**
 * Tells long work (a rebuild, the catch-up after a start, an import) that the JVM is stopping, so that it stops
 * between two of its short transactions instead of holding the server's quiesce, which waits up to 30 s for
 * running work: SIGTERM runs the JVM's shutdown hooks at once, before Liberty stops anything.
 */
@Singleton
@Startup
public class ServerStopping {

    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    private Thread hook;

    @PostConstruct
    void listen() {
        STOPPING.set(false);
        hook = new Thread(() -> STOPPING.set(true), "server-stopping");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @PreDestroy
    void forget() {
        STOPPING.set(true);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyStopping) {
            // The JVM is shutting down: the hook has run or is running.
        }
    }

    public static boolean isStopping() {
        return STOPPING.get();
    }

    /** Throws when the server is stopping: what was committed so far stays, the rest is for the next run. */
    public static void checkNotStopping(String what) {
        if (isStopping()) {
            throw new ApiException(Status.SERVICE_UNAVAILABLE, "The server is stopping; " + what + " stopped between two "
                    + "of its transactions. What it committed stays; run it again when the server is back.");
        }
    }
}
