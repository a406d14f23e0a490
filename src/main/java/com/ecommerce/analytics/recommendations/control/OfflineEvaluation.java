package com.ecommerce.analytics.recommendations.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.errors.InvalidRequest;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Temporal hold-out over the store's own orders: a model trained in memory on the orders before the
 * cut-off ranks for a sample of the customers who bought both before and after it; nothing is stored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OfflineEvaluation {

    public record Report(LocalDate cutOff, int k, int customersEvaluated, List<HoldOutEvaluation.Result> results,
                         double seconds) {
    }

    @Inject
    OrderHistory history;

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    /** cutOff null: 90 days before the last order. */
    public Report evaluate(LocalDate cutOff, int sampleSize) {
        long started = System.nanoTime();
        Instant lastOrder = history.lastOrderDate();
        if (lastOrder == null) {
            throw InvalidRequest.field("cut_off", "cannot be chosen: the store has no orders yet");
        }
        LocalDate day = cutOff != null ? cutOff : LocalDate.ofInstant(lastOrder, ZoneOffset.UTC).minusDays(90);
        Instant cut = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!cut.isBefore(lastOrder)) {
            throw InvalidRequest.field("cut_off", "must be before the last order (" + lastOrder + ")");
        }
        TrainedModel model = RecommendationModelBuild.train(history, Instant.EPOCH, cut);
        Map<Long, Set<Long>> later = history.productsBoughtBetween(cut, StoredTime.now().plusSeconds(1));
        later.keySet().removeIf(customer -> !model.bought(customer));
        try (Connection db = dataSource.getConnection()) {
            List<HoldOutEvaluation.Result> results = HoldOutEvaluation.evaluate(model, StockedCatalog.snapshot(db),
                    sample(later, sampleSize), history.countries(), (int) day.toEpochDay());
            return new Report(day, HoldOutEvaluation.K, results.get(0).metrics().customers(), results,
                    Math.round((System.nanoTime() - started) / 1e7) / 100.0);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the stock", e);
        }
    }

    /** Every n-th customer by id, so that the same data gives the same sample. */
    private static Map<Long, Set<Long>> sample(Map<Long, Set<Long>> later, int size) {
        Map<Long, Set<Long>> sorted = new TreeMap<>(later);
        if (sorted.size() <= size) {
            return sorted;
        }
        Map<Long, Set<Long>> sample = new TreeMap<>();
        double step = (double) sorted.size() / size;
        List<Long> customers = List.copyOf(sorted.keySet());
        for (int i = 0; i < size; i++) {
            long customer = customers.get((int) (i * step));
            sample.put(customer, sorted.get(customer));
        }
        return sample;
    }
}
