package com.ecommerce.analytics.analytics.control;

import java.time.Instant;
import java.util.concurrent.Future;

import com.ecommerce.analytics.customermodels.control.CustomerModelStore;
import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.database.UtcInstantConverter;
import com.ecommerce.analytics.platform.errors.Conflict;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * inactive (the earlier service's definition): the share of all customers with no order in the last
 * periodDays. cohort: of the customers who ordered in the period before, the share who did not order in
 * this one. model: see byModel.
 */
@Stateless
public class ChurnRate {

    public record Churn(double churnRate, String definition, Integer periodDays, long customers, long churned,
                        long retained) {
    }

    /** Below this P(alive) the model counts a customer as gone: more likely dropped out than not. */
    public static final double MODEL_THRESHOLD = 0.5;

    private static final long DAY_SECONDS = 86_400L;

    @PersistenceContext
    EntityManager em;

    @Inject
    CustomerActivity activity;

    @Inject
    CustomerModelStore models;

    /** model: of the customers the model in use predicted at its fit, those with P(alive) below MODEL_THRESHOLD. */
    public Churn byModel() {
        CustomerModelStore.Dropouts dropouts = models.dropouts(MODEL_THRESHOLD)
                .filter(counted -> counted.model().predictionsAsOf() != null)
                .orElseThrow(() -> new Conflict("No customer model with predictions has been fitted yet; POST "
                        + "/api/analytics/customer-models/rebuild/ fits one."));
        return churn("model: customers whose P(alive) under customer model " + dropouts.model().id() + " (BG/NBD, "
                + "as of " + dropouts.model().predictionsAsOf() + ") is below " + MODEL_THRESHOLD + ", of the "
                + "customers with an order then", null, dropouts.customers(), dropouts.customers() - dropouts.likelyGone());
    }

    public Churn of(int periodDays, boolean cohort) {
        Instant now = StoredTime.now();
        CustomerActivity.Span period = new CustomerActivity.Span(now.minusSeconds(DAY_SECONDS * periodDays), now);
        if (!cohort) {
            Future<Long> ordered = activity.orderedInMeanwhile(period);
            long customers = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM customer WHERE registration_date < ?")
                    .setParameter(1, UtcInstantConverter.toColumn(now)).getSingleResult()).longValue();
            return churn("inactive: customers without an order in the last " + periodDays + " days, of all customers",
                    periodDays, customers, CustomerActivity.await(ordered));
        }
        CustomerActivity.Span before = new CustomerActivity.Span(period.from().minusSeconds(DAY_SECONDS * periodDays),
                period.from());
        Future<Long> orderedBefore = activity.orderedInMeanwhile(before);
        long orderedInBoth = activity.orderedInBoth(before, period);
        return churn("cohort: of the customers who ordered in the " + periodDays + " days before the last " + periodDays
                + " days, those who did not order in the last " + periodDays + " days", periodDays,
                CustomerActivity.await(orderedBefore), orderedInBoth);
    }

    private static Churn churn(String definition, Integer periodDays, long customers, long retained) {
        long churned = customers - retained;
        double rate = customers == 0 ? 0 : Math.round(10_000.0 * churned / customers) / 10_000.0;
        return new Churn(rate, definition, periodDays, customers, churned, retained);
    }
}
