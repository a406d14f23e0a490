package com.ecommerce.analytics.analytics.repair;

import java.util.logging.Level;
import java.util.logging.Logger;

import com.ecommerce.analytics.platform.lifecycle.BackgroundWork;
import com.ecommerce.analytics.platform.lifecycle.ServerStopping;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Brings the sales aggregates up to date in the background after a start, where they were built in another
 * STORE_TIMEZONE or not at all, so that the server is ready at once on any store. Tries again later while
 * another instance holds the rebuild lease or when a step fails; reads meanwhile say that figures are being
 * recomputed (AggregatesStatusHeader).
 */
@Singleton
@Startup
@DependsOn("PlatformBootstrap")
@Lock(LockType.READ)
public class SalesCatchUp {

    private static final Logger LOG = Logger.getLogger(SalesCatchUp.class.getName());
    private static final long FIRST_DELAY_MS = 500;
    private static final long RETRY_MS = 30_000;

    @Resource
    TimerService timers;

    @Inject
    BackgroundWork background;

    @Inject
    SalesRebuild rebuild;

    @PostConstruct
    void schedule() {
        timers.createSingleActionTimer(FIRST_DELAY_MS, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void catchUp() {
        boolean done;
        try {
            done = background.run("sales_aggregates_catch_up", rebuild::rebuildIfStale);
        } catch (RuntimeException e) {
            if (ServerStopping.isStopping()) {
                LOG.info("The sales aggregates' catch-up stopped with the server; the next start goes on with it");
                return;
            }
            LOG.log(Level.WARNING, "Bringing the sales aggregates up to date failed; trying again in "
                    + RETRY_MS / 1000 + " s", e);
            done = false;
        }
        if (!done) {
            timers.createSingleActionTimer(RETRY_MS, new TimerConfig(null, false));
        }
    }
}
