package com.ecommerce.analytics.recommendations.control;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The parts of the model in use that every request reads (product neighbours, best sellers), kept in this
 * instance's memory. A model never changes once built, and each request reads which model is in use, so
 * when a rebuild switches models every instance starts a fresh cache on its next request.
 */
@ApplicationScoped
public class ModelCache {

    /** Beyond this many products a catalogue's neighbours are read from the database each time. */
    static final int MAX_PRODUCTS = 50_000;

    static final class Entry {
        final long model;
        final Map<Long, List<Neighbour>> productNeighbours = new ConcurrentHashMap<>();
        final Map<String, List<Popular>> bestSellers = new ConcurrentHashMap<>();

        Entry(long model) {
            this.model = model;
        }

        boolean hasRoom() {
            return productNeighbours.size() < MAX_PRODUCTS;
        }
    }

    private volatile Entry current = new Entry(-1);

    /** The instance that built a model has it in memory already: it starts with a full cache. */
    void prime(long model, Map<Long, List<Neighbour>> productNeighbours, Map<String, List<Popular>> bestSellers) {
        Entry entry = new Entry(model);
        productNeighbours.entrySet().stream().limit(MAX_PRODUCTS)
                .forEach(e -> entry.productNeighbours.put(e.getKey(), List.copyOf(e.getValue())));
        bestSellers.forEach((country, list) -> entry.bestSellers.put(country,
                List.copyOf(list.subList(0, Math.min(list.size(), StoredModel.BEST_SELLERS_READ)))));
        current = entry;
    }

    Entry of(long model) {
        Entry entry = current;
        if (entry.model != model) {
            entry = new Entry(model);
            current = entry;
        }
        return entry;
    }
}
