package com.ecommerce.analytics.customermodels.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Recency, frequency and monetary quintile scores (Hughes 1994, "Strategic Database Marketing"): 5 for the best
 * fifth of customers, 1 for the worst. A customer's score is 1 + floor(5 x share of customers strictly worse than
 * them), so equal values always score alike. Recency is better when smaller (fewer days since the last order).
 */
public final class RfmScores {

    /** A customer's figures: days since the last order, orders, and spend net of refunds. */
    public record Figures(long customer, long daysSinceLastOrder, long orders, double spend) {
    }

    public record Scored(Figures figures, int recency, int frequency, int monetary, RfmSegment segment) {
    }

    private RfmScores() {
    }

    public static List<Scored> score(List<Figures> customers) {
        Map<Long, Integer> recency = quintiles(customers, figures -> -figures.daysSinceLastOrder());
        Map<Long, Integer> frequency = quintiles(customers, figures -> figures.orders());
        Map<Long, Integer> monetary = quintiles(customers, Figures::spend);
        return customers.stream().map(figures -> {
            int r = recency.get(figures.customer());
            int f = frequency.get(figures.customer());
            return new Scored(figures, r, f, monetary.get(figures.customer()), RfmSegment.of(r, f));
        }).toList();
    }

    /** Scores 1-5 by how many customers have a strictly smaller value (larger is better). */
    static Map<Long, Integer> quintiles(List<Figures> customers, ToDoubleFunction<Figures> better) {
        double[] sorted = customers.stream().mapToDouble(better).sorted().toArray();
        Map<Long, Integer> scores = new HashMap<>();
        for (Figures figures : customers) {
            int worse = lowerBound(sorted, better.applyAsDouble(figures));
            scores.put(figures.customer(), 1 + (int) (5L * worse / sorted.length));
        }
        return scores;
    }

    private static int lowerBound(double[] sorted, double value) {
        int index = Arrays.binarySearch(sorted, value);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && sorted[index - 1] == value) {
            index--;
        }
        return index;
    }
}
