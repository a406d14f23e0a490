package com.ecommerce.analytics.stockplanning.control;

import java.util.Map;
import java.util.Optional;

import com.ecommerce.analytics.stockplanning.forecast.Forecast;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The forecasts of the model in use, kept in this instance's memory: a report reads which model is in use (one
 * row) and loads its forecasts only when another instance or a rebuild has replaced it.
 */
@ApplicationScoped
public class DemandForecasts {

    public record InUse(DemandModel model, Map<Long, Forecast> byProduct) {
        static final InUse NONE = new InUse(null, Map.of());
    }

    @Inject
    DemandForecastStore store;

    private volatile InUse current = InUse.NONE;

    public InUse inUse() {
        Optional<DemandModel> active = store.active();
        if (active.isEmpty()) {
            return InUse.NONE;
        }
        InUse loaded = current;
        if (loaded.model() == null || loaded.model().id() != active.get().id()) {
            loaded = new InUse(active.get(), Map.copyOf(store.forecasts(active.get())));
            current = loaded;
        }
        return loaded;
    }

    void prime(DemandModel model, Map<Long, Forecast> byProduct) {
        current = new InUse(model, Map.copyOf(byProduct));
    }
}
