package com.ecommerce.analytics.customermodels.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.customermodels.model.BgNbd;
import com.ecommerce.analytics.customermodels.model.GammaGamma;
import com.ecommerce.analytics.customermodels.model.PurchaseHistories;
import com.ecommerce.analytics.customermodels.model.PurchaseHistory;
import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.errors.Unprocessable;

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
    /** One fit at a time in this instance; a fit reads every order and would only compete with itself. */
    private static final AtomicBoolean RUNNING = new AtomicBoolean();

    @Inject
    CustomerPurchases purchases;

    @Inject
    CustomerModelStore store;

    @Inject
    StoreCalendar calendar;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CustomerModel fit(LocalDate calibrationEnd, LocalDate cohortStart, LocalDate cohortEnd) {
        if (!RUNNING.compareAndSet(false, true)) {
            throw new Conflict("A customer model fit is running; the model it makes will be in use when it ends.");
        }
        try {
            long started = System.nanoTime();
            LocalDate end = calibrationEnd != null ? calibrationEnd : calendar.today();
            List<PurchaseHistory> histories = new ArrayList<>();
            purchases.eachCustomer(calendar.zone(), (customer, bought) ->
                    PurchaseHistories.of(bought, end, cohortStart, cohortEnd).ifPresent(histories::add));
            if (histories.stream().noneMatch(history -> history.x() > 0)) {
                throw new Unprocessable("No customer in the sample bought twice by " + end + ": there is nothing to "
                        + "fit a model of repeat purchases to.");
            }
            BgNbd.Fitted bgNbd = BgNbd.fit(histories);
            GammaGamma.Fitted gammaGamma = GammaGamma.fit(histories);
            BgNbd m = bgNbd.model();
            CustomerModel model = store.save(new CustomerModel(0, StoredTime.now(), end, cohortStart, cohortEnd,
                    histories.size(), gammaGamma.repeatBuyers(), new CustomerModel.BgNbdParameters(m.r(), m.alpha(),
                    m.a(), m.b(), bgNbd.logLikelihood()), gammaGamma.repeatBuyers() == 0 ? null
                    : new CustomerModel.GammaGammaParameters(gammaGamma.model().p(), gammaGamma.model().q(),
                    gammaGamma.model().v(), gammaGamma.logLikelihood()),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
            LOG.info(() -> "Customer model " + model.id() + " fitted on " + model.customers() + " customers in "
                    + model.fitMillis() + " ms");
            return model;
        } finally {
            RUNNING.set(false);
        }
    }
}
