package com.ecommerce.analytics.stockplanning.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.analytics.repair.AggregatesStatus;
import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.database.WriteRetries;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.errors.ServerBusy;
import com.ecommerce.analytics.platform.lifecycle.BackgroundWork;
import com.ecommerce.analytics.platform.lifecycle.JobLease;
import com.ecommerce.analytics.stockplanning.forecast.Backtest;
import com.ecommerce.analytics.stockplanning.forecast.Forecast;
import com.ecommerce.analytics.stockplanning.forecast.ForecastMethod;
import com.ecommerce.analytics.stockplanning.forecast.WeeklySales;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Learns the demand forecast from the last two years of weekly sales: the backtest picks the method, which then
 * forecasts every product that sold in those weeks 52 weeks ahead. Reads without a transaction, and the new model
 * replaces the old one in a transaction of its own that writes only the forecast tables, so orders never wait.
 */
@Stateless
public class DemandForecastBuild {

    public static final int WEEKS_READ = 104;
    static final int WEEKS_AHEAD = 52;
    static final int CATCH_UP_RETRY_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(DemandForecastBuild.class.getName());
    /** One build at a time across instances: two would each read every product's weeks only to replace each other. */
    static final String JOB = "demand_forecast_build";

    @Inject
    JobLease lease;

    @Inject
    StockFacts facts;

    @Inject
    DemandForecastStore store;

    @Inject
    WriteRetries retries;

    @Inject
    DemandForecasts forecasts;

    @Inject
    StoreCalendar calendar;

    @Inject
    AggregatesStatus aggregates;

    @Inject
    BackgroundWork background;

    public boolean isRunning() {
        return lease.isHeld(JOB);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DemandModel rebuild() {
        if (aggregates.isCatchingUp()) {
            throw new ServerBusy("The sales aggregates are still being counted after the server's start; a forecast now "
                    + "would learn from part of the history.", CATCH_UP_RETRY_SECONDS);
        }
        return background.run(JOB, this::claimAndBuild);
    }

    private DemandModel claimAndBuild() {
        try (JobLease.Held held = lease.claim(JOB).orElseThrow(() -> new Conflict(
                "A demand forecast build is running; the model it makes will be in use when it ends."))) {
            long started = System.nanoTime();
            LocalDate through = calendar.today().minusDays(1);
            Map<Long, double[]> weekly = facts.weeklyNetUnits(through, WEEKS_READ);
            List<double[]> series = new ArrayList<>(weekly.values());
            Backtest backtest = Backtest.run(series, Backtest.HELD_OUT_WEEKS);
            ForecastMethod method = backtest.chosenMethod(series);
            Map<Long, Forecast> byProduct = new HashMap<>();
            weekly.forEach((product, weeks) -> {
                BackgroundWork.giveWayToRequests();
                WeeklySales sales = WeeklySales.fromFirstSale(weeks);
                if (!sales.isEmpty()) {
                    byProduct.put(product, method.fit(sales, WEEKS_AHEAD));
                }
            });
            Instant builtAt = StoredTime.now();
            DemandModel built = new DemandModel(0, builtAt, through, WEEKS_READ, method.code(), byProduct.size(),
                    backtest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            // One transaction stores the model: a lock conflict there redoes that alone, not the build before it.
            DemandModel model = retries.callInBackground(() -> store.replace(built, byProduct));
            forecasts.prime(model, byProduct);
            LOG.info(() -> String.format("Demand forecast %d built in %d ms: %s for %d products, backtest MAE %s",
                    model.id(), model.buildMillis(), model.method(), model.products(), backtest.meanAbsoluteError()));
            return model;
        }
    }
}
