package com.ecommerce.analytics.recommendations.control;

import java.util.List;
import java.util.Set;

/**
 * Top-k quality of ranked lists against what each customer went on to buy, averaged over customers:
 * precision@k (hits / k), recall@k (hits / relevant), hit rate@k (at least one hit) and NDCG@k
 * (discounted gain 1/log2(rank + 1) of the hits, over that of a perfect list).
 */
public final class RankingMetrics {

    public record Summary(int customers, double precision, double recall, double hitRate, double ndcg) {
    }

    private final int k;
    private int customers;
    private double precision;
    private double recall;
    private double hits;
    private double ndcg;

    public RankingMetrics(int k) {
        this.k = k;
    }

    /** Adds one customer's ranking; a customer with nothing relevant has nothing to find and is skipped. */
    public void add(List<Long> ranked, Set<Long> relevant) {
        if (relevant.isEmpty()) {
            return;
        }
        int found = 0;
        double gain = 0;
        for (int rank = 1; rank <= Math.min(k, ranked.size()); rank++) {
            if (relevant.contains(ranked.get(rank - 1))) {
                found++;
                gain += discount(rank);
            }
        }
        double ideal = 0;
        for (int rank = 1; rank <= Math.min(k, relevant.size()); rank++) {
            ideal += discount(rank);
        }
        customers++;
        precision += (double) found / k;
        recall += (double) found / relevant.size();
        hits += found > 0 ? 1 : 0;
        ndcg += gain / ideal;
    }

    public Summary summary() {
        int n = Math.max(1, customers);
        return new Summary(customers, precision / n, recall / n, hits / n, ndcg / n);
    }

    private static double discount(int rank) {
        return 1 / (Math.log(rank + 1) / Math.log(2));
    }
}
