package com.ecommerce.analytics.recommendations.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ranks products for one customer from a model (neighbours and best sellers) and a catalogue (what may be
 * offered). No container and no database: the request path reads a stored model, the offline evaluation
 * an in-memory one, and both rank with this.
 */
public final class Recommender {

    /** Similarities and best sellers, as built from the order history. */
    public interface Model {
        Map<Long, List<Neighbour>> productNeighbours(Collection<Long> products);

        /** What the customer's nearest customers bought and the customer did not, best first. */
        List<SuggestedProduct> productsOfSimilarCustomers(long customer);

        /** Best first; Popularity.EVERYWHERE for all countries together. */
        List<Popular> bestSellers(String country);
    }

    /** What may be offered now. */
    public interface Catalog {
        /** Those of the products that are active and in stock (above their low-stock threshold if healthyStock). */
        Set<Long> offerable(Collection<Long> products, boolean healthyStock);

        /** Offerable products, the best stocked first, for a store that has sold nothing yet. */
        List<Long> inStock(int limit);
    }

    public record Bought(long product, long category, int lastDay) {
    }

    public record Shopper(long customer, String country, List<Bought> bought, int today) {
        Set<Long> products() {
            return bought.stream().map(Bought::product).collect(Collectors.toSet());
        }
    }

    public record Recommendation(long product, double score, Reason reason) {
    }

    private record Candidate(long product, double score, Reason reason) {
    }

    /** A purchase loses half its say in what comes next every this many days. */
    static final double HISTORY_HALF_LIFE_DAYS = 180;
    /** History looks at the customer's most recent purchases only, which bounds the cost for the biggest buyers. */
    static final int HISTORY_SEEDS = 50;
    static final Map<RecommendationType, Double> BLEND_WEIGHTS = Map.of(
            RecommendationType.HISTORY, 0.5, RecommendationType.SIMILAR_CUSTOMERS, 0.3, RecommendationType.INVENTORY, 0.2);
    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparingLong(Candidate::product);

    private final Model model;
    private final Catalog catalog;

    public Recommender(Model model, Catalog catalog) {
        this.model = model;
        this.catalog = catalog;
    }

    /**
     * Up to limit products the customer has not bought, ranked; filled with best sellers when the type finds
     * too few, and only best sellers for a customer who has bought nothing yet.
     */
    public List<Recommendation> recommend(Shopper shopper, RecommendationType type, int limit) {
        Set<Long> bought = shopper.products();
        List<Recommendation> chosen = new ArrayList<>();
        boolean healthyStock = type == RecommendationType.INVENTORY;
        if (!bought.isEmpty()) {
            offer(chosen, candidates(shopper, type), bought, limit, healthyStock);
        }
        fill(chosen, shopper, bought, limit, healthyStock);
        return chosen;
    }

    /** The model's best sellers everywhere, for the evaluation's baseline. */
    public List<Recommendation> popular(Shopper shopper, int limit) {
        Set<Long> bought = shopper.products();
        List<Recommendation> chosen = new ArrayList<>();
        offer(chosen, ranked(model.bestSellers(Popularity.EVERYWHERE), Reason.of(Reason.Kind.POPULAR_EVERYWHERE), 1), bought,
                limit, false);
        return chosen;
    }

    private List<Candidate> candidates(Shopper shopper, RecommendationType type) {
        return switch (type) {
            case HISTORY -> history(shopper);
            case SIMILAR_CUSTOMERS -> similarCustomers(shopper);
            case INVENTORY -> inventory(shopper);
            case BLEND -> blend(shopper);
        };
    }

    /** Sum over recent purchases of (recency weight x similarity); the reason names the purchase that adds most. */
    private List<Candidate> history(Shopper shopper) {
        List<Bought> seeds = shopper.bought().stream()
                .sorted(Comparator.comparingInt(Bought::lastDay).reversed().thenComparingLong(Bought::product))
                .limit(HISTORY_SEEDS).toList();
        Map<Long, List<Neighbour>> neighbours = model.productNeighbours(seeds.stream().map(Bought::product).toList());
        Map<Long, double[]> scores = new HashMap<>();
        Map<Long, Long> strongestSeed = new HashMap<>();
        for (Bought seed : seeds) {
            double weight = Math.pow(0.5, Math.max(0, shopper.today() - seed.lastDay()) / HISTORY_HALF_LIFE_DAYS);
            for (Neighbour n : neighbours.getOrDefault(seed.product(), List.of())) {
                double contribution = weight * n.similarity();
                double[] score = scores.computeIfAbsent(n.id(), id -> new double[2]);
                score[0] += contribution;
                if (contribution > score[1]) {
                    score[1] = contribution;
                    strongestSeed.put(n.id(), seed.product());
                }
            }
        }
        return normalised(scores.entrySet().stream().map(e -> new Candidate(e.getKey(), e.getValue()[0],
                new Reason(Reason.Kind.BOUGHT_WITH, strongestSeed.get(e.getKey())))).toList());
    }

    /** Products bought by the customer's nearest customers, each scored by the similarity of those who bought it. */
    private List<Candidate> similarCustomers(Shopper shopper) {
        Reason reason = Reason.of(Reason.Kind.CUSTOMERS_LIKE_YOU);
        return normalised(model.productsOfSimilarCustomers(shopper.customer()).stream()
                .map(p -> new Candidate(p.product(), p.score(), reason)).toList());
    }

    /**
     * Best sellers in the customer's country, each weighted by the customer's share of purchases in its
     * category (Laplace-smoothed, so that other categories still appear).
     */
    private List<Candidate> inventory(Shopper shopper) {
        List<Popular> popular = bestSellersFor(shopper.country());
        Set<Long> categories = popular.stream().map(Popular::category).collect(Collectors.toSet());
        Map<Long, Integer> purchases = new HashMap<>();
        shopper.bought().forEach(b -> purchases.merge(b.category(), 1, Integer::sum));
        double total = shopper.bought().size() + categories.size();
        Reason reason = Reason.of(Reason.Kind.IN_STOCK_POPULAR);
        return normalised(popular.stream().map(p -> new Candidate(p.product(),
                p.score() * (purchases.getOrDefault(p.category(), 0) + 1) / total, reason)).toList());
    }

    /** The weighted sum of the three types' normalised scores; the reason is that of the type that adds most. */
    private List<Candidate> blend(Shopper shopper) {
        Map<Long, Double> total = new HashMap<>();
        Map<Long, Candidate> strongestPart = new HashMap<>();
        BLEND_WEIGHTS.forEach((type, weight) -> {
            for (Candidate c : candidates(shopper, type)) {
                Candidate part = new Candidate(c.product(), weight * c.score(), c.reason());
                total.merge(c.product(), part.score(), Double::sum);
                strongestPart.merge(c.product(), part, (a, b) -> b.score() > a.score() ? b : a);
            }
        });
        return total.entrySet().stream()
                .map(e -> new Candidate(e.getKey(), e.getValue(), strongestPart.get(e.getKey()).reason())).toList();
    }

    /** Best sellers in the country, then everywhere, then anything in stock: never an empty list while there is stock. */
    private void fill(List<Recommendation> chosen, Shopper shopper, Set<Long> bought, int limit, boolean healthyStock) {
        if (chosen.size() < limit) {
            offer(chosen, ranked(model.bestSellers(shopper.country()), Reason.of(Reason.Kind.POPULAR_IN_COUNTRY),
                    ceiling(chosen)), bought, limit, healthyStock);
        }
        if (chosen.size() < limit) {
            offer(chosen, ranked(model.bestSellers(Popularity.EVERYWHERE), Reason.of(Reason.Kind.POPULAR_EVERYWHERE),
                    ceiling(chosen)), bought, limit, healthyStock);
        }
        if (chosen.size() < limit) {
            double ceiling = ceiling(chosen);
            List<Long> stocked = catalog.inStock(limit + bought.size() + chosen.size());
            List<Candidate> anyInStock = new ArrayList<>();
            for (int i = 0; i < stocked.size(); i++) {
                anyInStock.add(new Candidate(stocked.get(i), ceiling / (i + 1), Reason.of(Reason.Kind.IN_STOCK)));
            }
            offer(chosen, anyInStock, bought, limit, healthyStock);
        }
    }

    /** Fill-ins score below everything chosen before them, so that scores fall with rank. */
    private static double ceiling(List<Recommendation> chosen) {
        return chosen.isEmpty() ? 1.0 : chosen.get(chosen.size() - 1).score() * 0.99;
    }

    private List<Popular> bestSellersFor(String country) {
        List<Popular> popular = model.bestSellers(country);
        return popular.isEmpty() ? model.bestSellers(Popularity.EVERYWHERE) : popular;
    }

    private static List<Candidate> ranked(List<Popular> popular, Reason reason, double ceiling) {
        double top = popular.isEmpty() ? 1 : popular.get(0).score();
        return popular.stream().map(p -> new Candidate(p.product(), ceiling * p.score() / top, reason)).toList();
    }

    private static List<Candidate> normalised(List<Candidate> candidates) {
        double top = candidates.stream().mapToDouble(Candidate::score).max().orElse(1);
        return candidates.stream().map(c -> new Candidate(c.product(), c.score() / top, c.reason())).toList();
    }

    /** Adds the best candidates not yet chosen nor bought that the catalogue may offer, checking them a page at a time. */
    private void offer(List<Recommendation> chosen, List<Candidate> candidates, Set<Long> bought, int limit,
                       boolean healthyStock) {
        if (chosen.size() >= limit) {
            return;
        }
        Set<Long> taken = chosen.stream().map(Recommendation::product).collect(Collectors.toCollection(HashSet::new));
        List<Candidate> open = candidates.stream().filter(c -> !bought.contains(c.product()) && !taken.contains(c.product()))
                .sorted(BEST_FIRST).toList();
        int page = Math.max(50, 3 * limit);
        for (int from = 0; from < open.size() && chosen.size() < limit; from += page) {
            List<Candidate> slice = open.subList(from, Math.min(open.size(), from + page));
            Map<Long, Candidate> byProduct = new LinkedHashMap<>();
            slice.forEach(c -> byProduct.put(c.product(), c));
            Set<Long> offerable = catalog.offerable(byProduct.keySet(), healthyStock);
            for (Candidate c : slice) {
                if (chosen.size() < limit && offerable.contains(c.product())) {
                    chosen.add(new Recommendation(c.product(), c.score(), c.reason()));
                }
            }
        }
    }
}
