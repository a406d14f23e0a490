package com.ecommerce.analytics.customermodels.control;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.customermodels.model.BgNbd;
import com.ecommerce.analytics.customermodels.model.HoldoutComparison;
import com.ecommerce.analytics.customermodels.model.PurchaseHistories;
import com.ecommerce.analytics.customermodels.model.PurchaseHistory;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.errors.Unprocessable;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The hold-out check of the BG/NBD model: fitted on the orders up to a cut-off, it predicts each customer's purchases
 * in the days after; those are set beside the purchases made. Nothing is stored and the model in use stays.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CustomerModelEvaluation {

    /** An evaluation reads every order and fits a model: one at a time is plenty. */
    private static final AtomicBoolean RUNNING = new AtomicBoolean();

    @Schema(name = "CustomerModelEvaluation")
    public record Evaluation(
            @Schema(description = "The fit saw the orders up to this day") LocalDate cutOff,
            @Schema(description = "The hold-out runs from the day after cut_off to this day") LocalDate holdoutEnd,
            double holdoutWeeks, LocalDate cohortStart, LocalDate cohortEnd,
            @Schema(description = "The BG/NBD parameters fitted on the calibration period")
            CustomerModel.BgNbdParameters bgNbd,
            @Schema(description = "Purchases (days with an order) predicted and made in the hold-out")
            HoldoutComparison.Comparison purchases,
            long evaluationMillis) {
    }

    private record Observed(PurchaseHistory calibration, int holdoutPurchases) {
    }

    @Inject
    CustomerPurchases purchases;

    @Inject
    StoreCalendar calendar;

    public Evaluation evaluate(LocalDate cutOff, LocalDate holdoutEnd, LocalDate cohortStart, LocalDate cohortEnd) {
        if (!RUNNING.compareAndSet(false, true)) {
            throw new Conflict("A customer model evaluation is running; ask again when it has answered.");
        }
        try {
            long started = System.nanoTime();
            List<Observed> observed = new ArrayList<>();
            purchases.eachCustomer(calendar.zone(), (customer, bought) ->
                    PurchaseHistories.of(bought, cutOff, cohortStart, cohortEnd).ifPresent(history -> observed.add(
                            new Observed(history, PurchaseHistories.purchaseDaysBetween(bought, cutOff, holdoutEnd)))));
            List<PurchaseHistory> calibration = observed.stream().map(Observed::calibration).toList();
            if (calibration.stream().noneMatch(history -> history.x() > 0)) {
                throw new Unprocessable("No customer in the sample bought twice by " + cutOff + ": there is no model "
                        + "of repeat purchases to check.");
            }
            BgNbd.Fitted fitted = BgNbd.fit(calibration);
            BgNbd model = fitted.model();
            double weeks = ChronoUnit.DAYS.between(cutOff, holdoutEnd) / 7.0;
            List<HoldoutComparison.Customer> compared = observed.stream()
                    .map(o -> new HoldoutComparison.Customer(o.calibration().x(),
                            model.expectedPurchases(o.calibration(), weeks), o.holdoutPurchases()))
                    .toList();
            return new Evaluation(cutOff, holdoutEnd, Math.round(weeks * 10_000) / 10_000.0, cohortStart, cohortEnd,
                    new CustomerModel.BgNbdParameters(model.r(), model.alpha(), model.a(), model.b(),
                            fitted.logLikelihood()), HoldoutComparison.of(compared),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            RUNNING.set(false);
        }
    }
}
