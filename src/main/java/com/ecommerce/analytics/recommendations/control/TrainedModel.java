package com.ecommerce.analytics.recommendations.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A model in memory: what a build writes to the database, and what the offline evaluation ranks with. */
public final class TrainedModel implements Recommender.Model {

    /** Kept per customer: enough for a page of recommendations after the exclusions made at request time. */
    static final int SUGGESTIONS_KEPT = 30;

    private final PurchaseMatrix matrix;
    private final Map<Long, Long> categories;
    private final Map<Long, List<Neighbour>> productNeighbours;
    private final Map<Long, List<Neighbour>> customerNeighbours;
    private final Map<String, List<Popular>> bestSellers;
    private final long orderLines;

    TrainedModel(PurchaseMatrix matrix, Map<Long, Long> categories, Map<Long, List<Neighbour>> productNeighbours,
                 Map<Long, List<Neighbour>> customerNeighbours, Map<String, List<Popular>> bestSellers, long orderLines) {
        this.matrix = matrix;
        this.categories = categories;
        this.productNeighbours = productNeighbours;
        this.customerNeighbours = customerNeighbours;
        this.bestSellers = bestSellers;
        this.orderLines = orderLines;
    }

    @Override
    public Map<Long, List<Neighbour>> productNeighbours(Collection<Long> products) {
        Map<Long, List<Neighbour>> found = new HashMap<>();
        products.forEach(p -> found.put(p, productNeighbours.getOrDefault(p, List.of())));
        return found;
    }

    @Override
    public List<SuggestedProduct> productsOfSimilarCustomers(long customer) {
        List<Neighbour> neighbours = customerNeighbours.getOrDefault(customer, List.of());
        if (neighbours.isEmpty()) {
            return List.of();
        }
        int row = matrix.customerIndex(customer);
        Set<Integer> own = new HashSet<>();
        for (int e = matrix.firstProductOf(row); e < matrix.firstProductOf(row) + matrix.productsBought(row); e++) {
            own.add(matrix.productAt(e));
        }
        Map<Long, Double> scores = new HashMap<>();
        for (Neighbour neighbour : neighbours) {
            int other = matrix.customerIndex(neighbour.id());
            for (int e = matrix.firstProductOf(other); e < matrix.firstProductOf(other) + matrix.productsBought(other); e++) {
                if (!own.contains(matrix.productAt(e))) {
                    scores.merge(matrix.productId(matrix.productAt(e)), neighbour.similarity(), Double::sum);
                }
            }
        }
        return scores.entrySet().stream().map(e -> new SuggestedProduct(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(SuggestedProduct::score).reversed()
                        .thenComparingLong(SuggestedProduct::product))
                .limit(SUGGESTIONS_KEPT).toList();
    }

    @Override
    public List<Popular> bestSellers(String country) {
        return bestSellers.getOrDefault(country, List.of());
    }

    /** Whether the customer bought anything before the model's cut-off. */
    public boolean bought(long customer) {
        return matrix.customerIndex(customer) >= 0;
    }

    /** What the customer bought before the model's cut-off, each product once. */
    public List<Recommender.Bought> purchasesOf(long customer) {
        int row = matrix.customerIndex(customer);
        if (row < 0) {
            return List.of();
        }
        List<Recommender.Bought> bought = new ArrayList<>(matrix.productsBought(row));
        for (int e = matrix.firstProductOf(row); e < matrix.firstProductOf(row) + matrix.productsBought(row); e++) {
            long product = matrix.productId(matrix.productAt(e));
            bought.add(new Recommender.Bought(product, categories.get(product), matrix.lastDayAt(e)));
        }
        return bought;
    }

    public Map<Long, List<Neighbour>> allProductNeighbours() {
        return productNeighbours;
    }

    /** The customers who have neighbours, each with a list of suggestions. */
    public Set<Long> customersWithNeighbours() {
        return customerNeighbours.keySet();
    }

    public Map<String, List<Popular>> allBestSellers() {
        return bestSellers;
    }

    public int customers() {
        return matrix.customerCount();
    }

    public int products() {
        return matrix.productCount();
    }

    public long orderLines() {
        return orderLines;
    }
}
