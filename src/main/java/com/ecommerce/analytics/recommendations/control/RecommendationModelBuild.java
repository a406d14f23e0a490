package com.ecommerce.analytics.recommendations.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.database.WriteRetries;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.lifecycle.BackgroundWork;
import com.ecommerce.analytics.platform.lifecycle.JobLease;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Learns a new model from every order so far, stores it beside the one in use and then switches to it;
 * a build that fails leaves the previous model in use. Runs outside a transaction: it takes longer than
 * one should last, and ModelStore commits its rows in batches.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RecommendationModelBuild {

    private static final Logger LOG = Logger.getLogger(RecommendationModelBuild.class.getName());
    /** Up to 3,000 rows a transaction (30 a key): short statements, between which the build gives way to requests. */
    private static final int KEYS_PER_TRANSACTION = 100;
    static final String JOB = "recommendation_model_build";

    public record Result(long model, Instant trainedBefore, int customers, int products, long orderLines,
                         long productNeighbours, long similarCustomerProducts, long bestSellers, double readSeconds,
                         double trainSeconds, double writeSeconds, double seconds) {
    }

    @Inject
    JobLease lease;

    @Inject
    OrderHistory history;

    @Inject
    ModelStore store;

    @Inject
    ModelCache cache;

    @Inject
    WriteRetries retries;

    @Inject
    BackgroundWork background;

    /** Returns when the new model is the one every request uses; 409 while another build runs on any instance. */
    public Result rebuild() {
        return background.run(JOB, this::claimAndBuild);
    }

    private Result claimAndBuild() {
        try (JobLease.Held held = lease.claim(JOB).orElseThrow(() -> new Conflict(
                "A rebuild of the recommendation model is already running; try again when it has finished"))) {
            return build();
        }
    }

    private Result build() {
        long started = System.nanoTime();
        // order dates are stored to the second (MariaDB rounds), so the model takes all of the current second
        Instant now = StoredTime.now().plusSeconds(1);
        // Each write of the model is a short transaction of its own (ModelStore), redone alone after a lock conflict.
        long model = retries.callInBackground(() -> store.start(now));
        boolean active = false;
        try {
            Training training = new Training(epochDay(now));
            read(history, Instant.EPOCH, now, training);
            long read = System.nanoTime();
            TrainedModel trained = training.train(background.threads());
            long learnt = System.nanoTime();
            Map<Long, List<Neighbour>> neighbours = trained.allProductNeighbours();
            long neighbourRows = inSlices(neighbours.keySet(), neighbours::get,
                    slice -> retries.runInBackground(() -> store.addProductNeighbours(model, slice)));
            long suggestions = inSlices(trained.customersWithNeighbours(), trained::productsOfSimilarCustomers,
                    slice -> retries.runInBackground(() -> store.addSimilarCustomerProducts(model, slice)));
            retries.runInBackground(() -> store.addBestSellers(model, trained.allBestSellers()));
            var counts = new ModelStore.Counts(trained.customers(), trained.products(), trained.orderLines());
            retries.runInBackground(() -> store.activate(model, counts));
            active = true;
            cache.prime(model, trained.allProductNeighbours(), trained.allBestSellers());
            Result result = new Result(model, now, trained.customers(), trained.products(), trained.orderLines(),
                    neighbourRows, suggestions,
                    trained.allBestSellers().values().stream().mapToLong(List::size).sum(), seconds(started, read),
                    seconds(read, learnt), seconds(learnt, System.nanoTime()), seconds(started, System.nanoTime()));
            LOG.info(() -> "Recommendation model built: " + result);
            return result;
        } finally {
            if (!active) {
                store.abandon(model);
            }
            purgeRetired();
        }
    }

    /** A model of the orders placed in [from, to), recency measured from the day of to, on the caller's thread alone. */
    static TrainedModel train(OrderHistory history, Instant from, Instant to) {
        Training training = new Training(epochDay(to));
        read(history, from, to, training);
        return training.train(1);
    }

    private static void read(OrderHistory history, Instant from, Instant to, Training training) {
        history.linesBetween(from, to, (customer, country, product, category, quantity, orderDate) ->
                training.add(customer, country, product, category, quantity, epochDay(orderDate)));
    }

    private static double seconds(long from, long to) {
        return Math.round((to - from) / 1e7) / 100.0;
    }

    static int epochDay(Instant instant) {
        return (int) LocalDate.ofInstant(instant, ZoneOffset.UTC).toEpochDay();
    }

    /**
     * Each key's list, computed as it is written, KEYS_PER_TRANSACTION keys per transaction, so that lists
     * computed on demand never all sit in memory; returns the rows written.
     */
    private static <V> long inSlices(Collection<Long> keys, Function<Long, List<V>> listOf,
                                     Consumer<Map<Long, List<V>>> writer) {
        long rows = 0;
        Map<Long, List<V>> slice = new HashMap<>();
        for (long key : keys) {
            List<V> list = listOf.apply(key);
            slice.put(key, list);
            rows += list.size();
            if (slice.size() == KEYS_PER_TRANSACTION) {
                BackgroundWork.giveWayToRequests();
                writer.accept(slice);
                slice = new HashMap<>();
            }
        }
        writer.accept(slice);
        return rows;
    }

    private void purgeRetired() {
        for (long retired : store.retired()) {
            while (store.purgeSome(retired) > 0) {
                // each batch commits on its own, so no transaction grows with the model
            }
        }
    }
}
