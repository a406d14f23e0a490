package com.ecommerce.analytics.customermodels.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RfmScoresTest {

    @Test
    void quintilesScoreByTheShareOfCustomersStrictlyWorse() {
        // Ten customers, orders 1..10: customer k has k-1 worse, so 1 + floor(5 (k-1) / 10): 1,1,2,2,3,3,4,4,5,5.
        // Recency: customer k ordered k days ago, so the most recent (k = 1) is best. Spend 50 for all: all tie at 1.
        List<RfmScores.Figures> customers = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            customers.add(new RfmScores.Figures(k, k, k, 50));
        }

        List<RfmScores.Scored> scored = RfmScores.score(customers);

        assertEquals(List.of(1, 1, 2, 2, 3, 3, 4, 4, 5, 5), scored.stream().map(RfmScores.Scored::frequency).toList());
        assertEquals(List.of(5, 5, 4, 4, 3, 3, 2, 2, 1, 1), scored.stream().map(RfmScores.Scored::recency).toList());
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), scored.stream().map(RfmScores.Scored::monetary).toList());
        assertEquals(Map.of(1L, 1, 2L, 1, 3L, 4), RfmScores.quintiles(List.of(new RfmScores.Figures(1, 0, 2, 0),
                new RfmScores.Figures(2, 0, 2, 0), new RfmScores.Figures(3, 0, 9, 0)), RfmScores.Figures::orders),
                "the two equal lowest both score 1; the third has 2 worse: 1 + floor(10 / 3) = 4");
    }

    @Test
    void everyCellOfTheGridBelongsToOneNamedSegment() {
        assertEquals(RfmSegment.CHAMPIONS, RfmSegment.of(5, 5));
        assertEquals(RfmSegment.CHAMPIONS, RfmSegment.of(5, 4));
        assertEquals(RfmSegment.LOYAL_CUSTOMERS, RfmSegment.of(4, 5));
        assertEquals(RfmSegment.LOYAL_CUSTOMERS, RfmSegment.of(3, 4));
        assertEquals(RfmSegment.NEW_CUSTOMERS, RfmSegment.of(5, 1));
        assertEquals(RfmSegment.PROMISING, RfmSegment.of(4, 1));
        assertEquals(RfmSegment.POTENTIAL_LOYALISTS, RfmSegment.of(4, 3));
        assertEquals(RfmSegment.NEED_ATTENTION, RfmSegment.of(3, 3));
        assertEquals(RfmSegment.ABOUT_TO_SLEEP, RfmSegment.of(3, 2));
        assertEquals(RfmSegment.AT_RISK, RfmSegment.of(2, 4));
        assertEquals(RfmSegment.CANT_LOSE_THEM, RfmSegment.of(1, 5));
        assertEquals(RfmSegment.HIBERNATING, RfmSegment.of(1, 1));
        Set<RfmSegment> seen = EnumSet.noneOf(RfmSegment.class);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                seen.add(RfmSegment.of(r, f));
            }
        }
        assertEquals(EnumSet.allOf(RfmSegment.class), seen, "every segment is some cell's");
    }
}
