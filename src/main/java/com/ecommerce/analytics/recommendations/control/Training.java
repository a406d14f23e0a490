package com.ecommerce.analytics.recommendations.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Order lines in, a model out: the purchase matrix, both similarities and the best sellers. */
public final class Training {

    static final int PRODUCT_NEIGHBOURS = 30;
    static final int CUSTOMER_NEIGHBOURS = 20;
    static final int MIN_SHARED = 2;
    static final int BEST_SELLERS_PER_CATEGORY = 100;

    private final PurchaseMatrix.Builder purchases = PurchaseMatrix.builder();
    private final Popularity popularity;
    private final Map<Long, Long> categories = new HashMap<>();
    private long lines;

    /** today: the epoch day that recency is measured from. */
    public Training(int today) {
        this.popularity = new Popularity(today);
    }

    /** A line of an order that was not canceled. */
    public void add(long customer, String country, long product, long category, int quantity, int epochDay) {
        purchases.add(customer, product, epochDay);
        popularity.add(country, category, product, quantity, epochDay);
        categories.putIfAbsent(product, category);
        lines++;
    }

    /** The model, its neighbour lists computed on up to the given number of threads. */
    public TrainedModel train(int threads) {
        PurchaseMatrix matrix = purchases.build();
        Map<Long, List<Neighbour>> products = Similarities.products(matrix, PRODUCT_NEIGHBOURS, MIN_SHARED, threads);
        Map<Long, List<Neighbour>> customers = Similarities.customers(matrix, CUSTOMER_NEIGHBOURS, MIN_SHARED, threads);
        return new TrainedModel(matrix, categories, products, customers, popularity.bestSellers(BEST_SELLERS_PER_CATEGORY),
                lines);
    }
}
