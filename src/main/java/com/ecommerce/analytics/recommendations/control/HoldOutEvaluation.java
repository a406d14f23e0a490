package com.ecommerce.analytics.recommendations.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Temporal hold-out: a model trained on the orders before a cut-off recommends to each customer who bought
 * before it, and the products they then bought after it (new to them) are what it should have found.
 */
public final class HoldOutEvaluation {

    public static final int K = 10;
    public static final String POPULARITY_BASELINE = "popularity";

    public record Result(String method, RankingMetrics.Summary metrics) {
    }

    private HoldOutEvaluation() {
    }

    /**
     * later: per customer, the products bought after the cut-off; countries: each customer's country.
     * Returns the baseline first, then each type.
     */
    public static List<Result> evaluate(TrainedModel model, Recommender.Catalog catalog, Map<Long, Set<Long>> later,
                                        Map<Long, String> countries, int cutOffDay) {
        Recommender recommender = new Recommender(model, catalog);
        Map<String, RankingMetrics> metrics = new LinkedHashMap<>();
        metrics.put(POPULARITY_BASELINE, new RankingMetrics(K));
        for (RecommendationType type : RecommendationType.values()) {
            metrics.put(type.code(), new RankingMetrics(K));
        }
        later.forEach((customer, products) -> {
            List<Recommender.Bought> bought = model.purchasesOf(customer);
            Set<Long> relevant = new HashSet<>(products);
            bought.forEach(b -> relevant.remove(b.product()));
            if (bought.isEmpty() || relevant.isEmpty()) {
                return;
            }
            Recommender.Shopper shopper = new Recommender.Shopper(customer, countries.get(customer), bought, cutOffDay);
            metrics.get(POPULARITY_BASELINE).add(products(recommender.popular(shopper, K)), relevant);
            for (RecommendationType type : RecommendationType.values()) {
                metrics.get(type.code()).add(products(recommender.recommend(shopper, type, K)), relevant);
            }
        });
        List<Result> results = new ArrayList<>();
        metrics.forEach((method, m) -> results.add(new Result(method, m.summary())));
        return results;
    }

    private static List<Long> products(List<Recommender.Recommendation> ranked) {
        return ranked.stream().map(Recommender.Recommendation::product).toList();
    }
}
