package com.ecommerce.analytics.stockplanning.control;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.analytics.repair.AggregatesStatus;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.errors.ServerBusy;

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
 * Rebuilds the demand forecast every DEMAND_FORECAST_REBUILD_HOURS (0: only on request), and soon after start
 * when there is none or it has not seen yesterday's sales. With several instances each has this timer; an instance skips
 * its turn when a forecast is younger than half a period, and JobLease lets one build run at a time.
 */
@Singleton
@Startup
@DependsOn("PlatformBootstrap")
@Lock(LockType.READ)
public class DemandForecastSchedule {

    private static final Logger LOG = Logger.getLogger(DemandForecastSchedule.class.getName());
    private static final Duration FIRST_BUILD_DELAY = Duration.ofSeconds(10);
    private static final String SOON = "soon";
    private static final Duration AFTER_RUNNING_BUILD = Duration.ofSeconds(30);

    @Inject
    @ConfigProperty(name = "DEMAND_FORECAST_REBUILD_HOURS", defaultValue = "24")
    int rebuildHours;

    @Resource
    TimerService timers;

    @Inject
    DemandForecastStore store;

    @Inject
    DemandForecastBuild build;

    @Inject
    StoreCalendar calendar;

    @Inject
    AggregatesStatus aggregates;

    @PostConstruct
    void schedule() {
        if (rebuildHours <= 0) {
            return;
        }
        Duration period = Duration.ofHours(rebuildHours);
        Duration first = store.active()
                .filter(this::sawYesterday)
                .map(model -> Duration.between(Instant.now(), model.builtAt().plus(period)))
                .filter(wait -> wait.compareTo(FIRST_BUILD_DELAY) > 0)
                .orElse(FIRST_BUILD_DELAY);
        timers.createIntervalTimer(first.toMillis(), period.toMillis(), new TimerConfig(null, false));
    }

    private boolean sawYesterday(DemandModel model) {
        return !model.throughDate().isBefore(calendar.today().minusDays(1));
    }

    /** A rebuild in a few seconds (one pending is enough): an import of past sales changes what the model learns. */
    public void rebuildSoon() {
        if (rebuildHours > 0 && timers.getTimers().stream().noneMatch(timer -> SOON.equals(timer.getInfo()))) {
            timers.createSingleActionTimer(FIRST_BUILD_DELAY.toMillis() / 5, new TimerConfig(SOON, false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void rebuildWhenDue(Timer timer) {
        Duration halfPeriod = Duration.ofHours(rebuildHours).dividedBy(2);
        if (!SOON.equals(timer.getInfo()) && store.active().filter(this::sawYesterday)
                .filter(model -> model.builtAt().plus(halfPeriod).isAfter(Instant.now())).isPresent()) {
            return; // another instance built it lately
        }
        if (aggregates.isCatchingUp()) {
            // asked here rather than answered by the build's 503, whose rollback Liberty logs as an error
            retryAfterCatchUp();
            return;
        }
        try {
            build.rebuild();
        } catch (ServerBusy countingSales) {
            retryAfterCatchUp();
        } catch (Conflict running) {
            if (SOON.equals(timer.getInfo())) {
                // The build under way may have read the sales before the import: build once more after it.
                timers.createSingleActionTimer(AFTER_RUNNING_BUILD.toMillis(), new TimerConfig(SOON, false));
                return;
            }
            LOG.info("Scheduled demand forecast skipped: " + running.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled demand forecast failed; the previous one stays in use", e);
        }
    }

    private void retryAfterCatchUp() {
        timers.createSingleActionTimer(DemandForecastBuild.CATCH_UP_RETRY_SECONDS * 1000L, new TimerConfig(null, false));
    }
}
