package com.ecommerce.analytics.recommendations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void aHitAtTheTopOfTheOnlyRelevantProductScoresPerfectlyExceptPrecision() {
        RankingMetrics metrics = new RankingMetrics(10);
        metrics.add(List.of(7L, 1L, 2L), Set.of(7L));
        RankingMetrics.Summary summary = metrics.summary();
        assertEquals(1, summary.customers());
        assertEquals(0.1, summary.precision(), 1e-12);
        assertEquals(1.0, summary.recall(), 1e-12);
        assertEquals(1.0, summary.hitRate(), 1e-12);
        assertEquals(1.0, summary.ndcg(), 1e-12);
    }

    @Test
    void hitsLowerDownAreDiscountedAgainstThePerfectOrder() {
        RankingMetrics metrics = new RankingMetrics(3);
        // relevant 5 and 9 found at ranks 2 and 3; a perfect list has them at ranks 1 and 2
        metrics.add(List.of(1L, 5L, 9L, 4L), Set.of(5L, 9L, 8L));
        RankingMetrics.Summary summary = metrics.summary();
        double dcg = 1 / LOG2_3 + 1 / 2.0;
        double ideal = 1 + 1 / LOG2_3 + 1 / 2.0;
        assertEquals(2 / 3.0, summary.precision(), 1e-12);
        assertEquals(2 / 3.0, summary.recall(), 1e-12);
        assertEquals(dcg / ideal, summary.ndcg(), 1e-12);
    }

    @Test
    void customersAreAveragedAndOnlyTheFirstKCount() {
        RankingMetrics metrics = new RankingMetrics(2);
        metrics.add(List.of(1L, 2L, 3L), Set.of(3L));
        metrics.add(List.of(4L, 5L), Set.of(4L, 6L));
        metrics.add(List.of(), Set.of());
        RankingMetrics.Summary summary = metrics.summary();
        assertEquals(2, summary.customers());
        assertEquals((0 + 0.5) / 2, summary.precision(), 1e-12);
        assertEquals((0 + 0.5) / 2, summary.recall(), 1e-12);
        assertEquals(0.5, summary.hitRate(), 1e-12);
        assertEquals((0 + 1 / (1 + 1 / LOG2_3)) / 2, summary.ndcg(), 1e-12);
    }
}
