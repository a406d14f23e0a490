package com.ecommerce.analytics.customermodels.control;

import java.util.Optional;

import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.customermodels.model.BgNbd;
import com.ecommerce.analytics.customermodels.model.CustomerForecast;
import com.ecommerce.analytics.customermodels.model.GammaGamma;
import com.ecommerce.analytics.customermodels.model.PurchaseHistories;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** One customer's forecast from the model in use and the customer's orders up to today. Reads only. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CustomerPredictions {

    @Inject
    CustomerModelStore models;

    @Inject
    CustomerPurchases purchases;

    @Inject
    StoreCalendar calendar;

    /** Empty without a model with both fits, or for a customer without an order. */
    public Optional<CustomerForecast> of(long customer, int horizonDays, double discountRate) {
        Optional<CustomerModel> inUse = models.inUse().filter(model -> model.gammaGamma() != null);
        if (inUse.isEmpty()) {
            return Optional.empty();
        }
        CustomerModel model = inUse.get();
        CustomerModel.BgNbdParameters bg = model.bgNbd();
        CustomerModel.GammaGammaParameters gg = model.gammaGamma();
        return PurchaseHistories.of(purchases.of(customer, calendar.zone()), calendar.today(), null, null)
                .map(history -> CustomerForecast.of(model.id(), new BgNbd(bg.r(), bg.alpha(), bg.a(), bg.b()),
                        new GammaGamma(gg.p(), gg.q(), gg.v()), history, horizonDays, discountRate));
    }
}
