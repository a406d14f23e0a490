package com.ecommerce.analytics.stockplanning.alerts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import com.ecommerce.analytics.analytics.repair.AggregatesStatus;
import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.lifecycle.BackgroundWork;
import com.ecommerce.analytics.stockplanning.control.InventoryReport;
import com.ecommerce.analytics.stockplanning.control.StockPosition;
import com.ecommerce.analytics.stockplanning.control.StockStatus;

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
 * Every ALERT_CHECK_SECONDS (60) computes every product's status as the inventory report does (default window and
 * horizon) and records each crossing into at_risk or stock_out as an alert. Orders never wait for it: it reads
 * without locks and writes only stock_watch and inventory_alert.
 */
@Singleton
@Startup
@DependsOn("PlatformBootstrap")
@Lock(LockType.READ)
public class StockWatch {

    private static final Logger LOG = Logger.getLogger(StockWatch.class.getName());
    private static final int DEFAULT_DAYS = 28;
    private final AtomicBoolean running = new AtomicBoolean();

    @Resource
    TimerService timers;

    @Inject
    BackgroundWork background;

    @Inject
    AlertSettings settings;

    @Inject
    InventoryReport report;

    @Inject
    AlertStore store;

    @Inject
    AggregatesStatus aggregates;

    @Inject
    MetricRegistry metrics;

    @PostConstruct
    void schedule() {
        long period = settings.checkPeriod().toMillis();
        timers.createIntervalTimer(period, period, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void checkWhenDue() {
        if (aggregates.isCatchingUp() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            background.run("stock_watch", this::check);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stock watch failed; it looks again in " + settings.checkPeriod(), e);
        } finally {
            running.set(false);
        }
    }

    private void check() {
        List<StockPosition> positions = report.positions(
                new InventoryReport.Filter(null, null, EnumSet.noneOf(StockStatus.class)),
                report.terms(DEFAULT_DAYS, DEFAULT_DAYS, null));
        var seen = store.watched();
        List<Crossing> crossings = new ArrayList<>();
        for (StockPosition position : positions) {
            Crossing crossing = new Crossing(position.product(), seen.get(position.product()), position.stockStatus());
            if (crossing.isChange()) {
                crossings.add(crossing);
            }
        }
        if (crossings.isEmpty()) {
            return;
        }
        Map<Long, StockPosition> byProduct = positions.stream()
                .collect(Collectors.toMap(StockPosition::product, Function.identity()));
        String delivery = settings.webhook().isPresent() ? Delivery.PENDING : Delivery.NOT_CONFIGURED;
        List<String> raised = store.record(crossings, byProduct, seen.isEmpty(), delivery, StoredTime.now());
        raised.forEach(kind -> metrics.counter("inventory_alerts_raised", new Tag("kind", kind)).inc());
        if (!raised.isEmpty()) {
            LOG.info(() -> raised.size() + " inventory alerts raised");
        }
    }
}
