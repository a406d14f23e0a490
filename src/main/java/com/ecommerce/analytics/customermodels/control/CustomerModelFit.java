package com.ecommerce.analytics.customermodels.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.customermodels.model.BgNbd;
import com.ecommerce.analytics.customermodels.model.CustomerForecast;
import com.ecommerce.analytics.customermodels.model.GammaGamma;
import com.ecommerce.analytics.customermodels.model.PurchaseHistories;
import com.ecommerce.analytics.customermodels.model.PurchaseHistory;
import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.database.WriteRetries;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.errors.Unprocessable;
import com.ecommerce.analytics.platform.lifecycle.BackgroundWork;
import com.ecommerce.analytics.platform.lifecycle.JobLease;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Fits the BG/NBD and Gamma-Gamma models by maximum likelihood on every customer's (x, t_x, T) and mean repeat
 * value at the end of calibration, optionally for one cohort of first orders, and puts the fit in use.
 */
@Stateless
public class CustomerModelFit {

    private static final Logger LOG = Logger.getLogger(CustomerModelFit.class.getName());
    /** One fit at a time across instances: a fit reads every order and would only compete with itself. */
    static final String JOB = "customer_model_fit";

    @Inject
    JobLease lease;

    @Inject
    CustomerPurchases purchases;

    @Inject
    CustomerModelStore store;

    @Inject
    WriteRetries retries;

    @Inject
    StoreCalendar calendar;

    @Inject
    BackgroundWork background;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CustomerModel fit(LocalDate calibrationEnd, LocalDate cohortStart, LocalDate cohortEnd) {
        return background.run(JOB, () -> claimAndFit(calibrationEnd, cohortStart, cohortEnd));
    }

    private CustomerModel claimAndFit(LocalDate calibrationEnd, LocalDate cohortStart, LocalDate cohortEnd) {
        try (JobLease.Held held = lease.claim(JOB).orElseThrow(() -> new Conflict(
                "A customer model fit is running; the model it makes will be in use when it ends."))) {
            long started = System.nanoTime();
            LocalDate today = calendar.today();
            LocalDate end = calibrationEnd != null ? calibrationEnd : today;
            List<PurchaseHistory> sample = new ArrayList<>();
            Map<Long, PurchaseHistory> todays = new HashMap<>();
            purchases.eachCustomer(calendar.zone(), (customer, bought) -> {
                PurchaseHistories.of(bought, end, cohortStart, cohortEnd).ifPresent(sample::add);
                PurchaseHistories.of(bought, today, null, null).ifPresent(history -> todays.put(customer, history));
            });
            long read = System.nanoTime();
            if (sample.stream().noneMatch(history -> history.x() > 0)) {
                throw new Unprocessable("No customer in the sample bought twice by " + end + ": there is nothing to "
                        + "fit a model of repeat purchases to.");
            }
            BgNbd.Fitted bgNbd = BgNbd.fit(sample);
            long fittedPurchases = System.nanoTime();
            GammaGamma.Fitted gammaGamma = GammaGamma.fit(sample);
            long fittedSpend = System.nanoTime();
            List<CustomerPrediction> predictions = predictions(todays, bgNbd.model(),
                    gammaGamma.repeatBuyers() == 0 ? null : gammaGamma.model());
            long predicted = System.nanoTime();
            CustomerModel fitted = new CustomerModel(0, StoredTime.now(), end, cohortStart, cohortEnd,
                    sample.size(), gammaGamma.repeatBuyers(), parameters(bgNbd), gammaGamma.repeatBuyers() == 0 ? null
                    : new CustomerModel.GammaGammaParameters(gammaGamma.model().p(), gammaGamma.model().q(),
                    gammaGamma.model().v(), gammaGamma.logLikelihood()),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), today);
            // One transaction stores the fit and its predictions: a lock conflict redoes that alone, not the fit.
            CustomerModel model = retries.callInBackground(() -> store.save(fitted, predictions));
            LOG.info(() -> String.format("Customer model %d fitted on %d customers and %d predicted in %d ms: read %d, "
                    + "BG/NBD %d, Gamma-Gamma %d, predictions %d, stored %d", model.id(), model.customers(),
                    predictions.size(), model.fitMillis(), millis(started, read), millis(read, fittedPurchases),
                    millis(fittedPurchases, fittedSpend), millis(fittedSpend, predicted), millis(predicted, System.nanoTime())));
            return model;
        }
    }

    private static CustomerModel.BgNbdParameters parameters(BgNbd.Fitted fitted) {
        BgNbd m = fitted.model();
        return new CustomerModel.BgNbdParameters(m.r(), m.alpha(), m.a(), m.b(), fitted.logLikelihood());
    }

    /** Every customer's next year as of today, as GET /api/customer/{id}/clv/ answers it; without a spend model,
     * purchases only. */
    private static List<CustomerPrediction> predictions(Map<Long, PurchaseHistory> histories, BgNbd purchases,
                                                        GammaGamma spend) {
        List<CustomerPrediction> predictions = new ArrayList<>(histories.size());
        histories.forEach((customer, history) -> {
            CustomerForecast forecast = CustomerForecast.of(0, purchases, spend, history,
                    CustomerPrediction.HORIZON_DAYS, 0);
            predictions.add(new CustomerPrediction(customer, forecast.probabilityAlive(), forecast.expectedPurchases(),
                    forecast.predictedClv()));
        });
        return predictions;
    }

    private static long millis(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }
}
