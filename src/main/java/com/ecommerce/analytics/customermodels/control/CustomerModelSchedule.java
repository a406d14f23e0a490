package com.ecommerce.analytics.customermodels.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.errors.Unprocessable;

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
 * Fits the customer models on the whole store every CUSTOMER_MODELS_REBUILD_HOURS (0: only on request), so that P(alive)
 * and the ranked predictions follow the orders; the first fit comes soon after start when there is none, it is due, or
 * the one in use was fitted before fits stored their predictions.
 * With several instances each has this timer; an instance skips its turn when a fit is younger than half a period.
 */
@Singleton
@Startup
@DependsOn("PlatformBootstrap")
@Lock(LockType.READ)
public class CustomerModelSchedule {

    private static final Logger LOG = Logger.getLogger(CustomerModelSchedule.class.getName());
    private static final Duration FIRST_FIT_DELAY = Duration.ofSeconds(15);

    @Inject
    @ConfigProperty(name = "CUSTOMER_MODELS_REBUILD_HOURS", defaultValue = "24")
    int rebuildHours;

    @Resource
    TimerService timers;

    @Inject
    CustomerModelStore models;

    @Inject
    CustomerModelFit fit;

    @PostConstruct
    void schedule() {
        if (rebuildHours <= 0) {
            return;
        }
        Duration period = Duration.ofHours(rebuildHours);
        Duration first = models.inUse()
                .filter(model -> model.predictionsAsOf() != null)
                .map(model -> Duration.between(Instant.now(), model.fittedAt().plus(period)))
                .filter(wait -> wait.compareTo(FIRST_FIT_DELAY) > 0)
                .orElse(FIRST_FIT_DELAY);
        timers.createIntervalTimer(first.toMillis(), period.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fitWhenDue() {
        Optional<CustomerModel> inUse = models.inUse();
        Duration halfPeriod = Duration.ofHours(rebuildHours).dividedBy(2);
        if (inUse.isPresent() && inUse.get().predictionsAsOf() != null
                && inUse.get().fittedAt().plus(halfPeriod).isAfter(Instant.now())) {
            return;
        }
        try {
            fit.fit(null, null, null);
        } catch (Conflict | Unprocessable skipped) {
            LOG.info("Scheduled customer model fit skipped: " + skipped.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled customer model fit failed; the previous model stays in use", e);
        }
    }
}
