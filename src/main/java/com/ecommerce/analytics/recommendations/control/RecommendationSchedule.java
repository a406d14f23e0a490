package com.ecommerce.analytics.recommendations.control;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.ecommerce.analytics.platform.errors.Conflict;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Rebuilds the model every RECOMMENDATIONS_REBUILD_HOURS (0: only on request), and soon after start when
 * there is none. With several instances each has this timer; an instance skips its turn when another has
 * built a model within the last half period, and ModelStore lets only one build run at a time.
 */
@Singleton
@Startup
@DependsOn("PlatformBootstrap")
// Nothing here changes after start; a running build must not make rebuildSoon wait for the singleton's lock.
@Lock(LockType.READ)
public class RecommendationSchedule {

    private static final Logger LOG = Logger.getLogger(RecommendationSchedule.class.getName());
    private static final Duration FIRST_BUILD_DELAY = Duration.ofSeconds(5);
    private static final String SOON = "soon";
    private static final Duration AFTER_RUNNING_BUILD = Duration.ofSeconds(30);

    @Inject
    @ConfigProperty(name = "RECOMMENDATIONS_REBUILD_HOURS", defaultValue = "24")
    int rebuildHours;

    @Resource
    TimerService timers;

    @Inject
    ModelStore models;

    @Inject
    RecommendationModelBuild build;

    @PostConstruct
    void schedule() {
        if (rebuildHours <= 0) {
            return;
        }
        Duration period = Duration.ofHours(rebuildHours);
        ModelStore.ActiveModel active = models.active();
        Duration first = active == null ? FIRST_BUILD_DELAY
                : max(FIRST_BUILD_DELAY, Duration.between(Instant.now(), active.builtAt().plus(period)));
        timers.createIntervalTimer(first.toMillis(), period.toMillis(), new TimerConfig(null, false));
    }

    /**
     * A rebuild a second from now, when scheduled rebuilds are on: an import of past sales changes what the model
     * would learn more than a day of orders does.
     */
    public void rebuildSoon() {
        if (rebuildHours > 0) {
            buildSoon(FIRST_BUILD_DELAY.dividedBy(5));
        }
    }

    /** One pending rebuild is enough, however many imports asked for it. */
    private void buildSoon(Duration delay) {
        if (timers.getTimers().stream().noneMatch(timer -> SOON.equals(timer.getInfo()))) {
            timers.createSingleActionTimer(delay.toMillis(), new TimerConfig(SOON, false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void rebuildWhenDue(Timer timer) {
        ModelStore.ActiveModel active = models.active();
        Duration halfPeriod = Duration.ofHours(rebuildHours).dividedBy(2);
        if (!SOON.equals(timer.getInfo()) && active != null && active.builtAt().plus(halfPeriod).isAfter(Instant.now())) {
            return;
        }
        try {
            build.rebuild();
        } catch (Conflict running) {
            if (SOON.equals(timer.getInfo())) {
                // The build under way may have read the orders before the import: build once more after it. (This
                // timer still counts as pending while it runs, so buildSoon would see it and do nothing.)
                timers.createSingleActionTimer(AFTER_RUNNING_BUILD.toMillis(), new TimerConfig(SOON, false));
                return;
            }
            LOG.info("Scheduled recommendation rebuild skipped: " + running.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled recommendation rebuild failed; the previous model stays in use", e);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
