package com.ecommerce.analytics.customermodels.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.ecommerce.analytics.customermodels.model.RfmScores;
import com.ecommerce.analytics.customermodels.model.RfmSegment;
import com.ecommerce.analytics.platform.money.InStoreCurrency;
import com.ecommerce.analytics.platform.rest.Page;
import com.ecommerce.analytics.platform.rest.PageRequest;

/** The segments' sizes and worth, and the customers of one segment. */
public final class SegmentReport {

    @Schema(name = "SegmentsSummary")
    public record Summary(LocalDate asOf, @Schema(description = "Customers with an order") long customers,
                          List<Segment> segments) implements InStoreCurrency {
    }

    @Schema(name = "RfmSegmentSummary")
    public record Segment(
            @Schema(enumeration = {"champions", "loyal_customers", "potential_loyalists", "new_customers", "promising",
                    "need_attention", "about_to_sleep", "at_risk", "cant_lose_them", "hibernating"}) String segment,
            long customers, @Schema(description = "customers / all customers with an order") double share,
            @Schema(description = "The segment's spend net of refunds, over all time") BigDecimal revenue,
            double averageDaysSinceLastOrder, double averageOrders, BigDecimal averageSpend) implements InStoreCurrency {
    }

    @Schema(name = "SegmentCustomer")
    public record Customer(long customer, String segment, int recency, int frequency, int monetary,
                           long daysSinceLastOrder, long orders, BigDecimal spend) implements InStoreCurrency {

        public static Customer of(RfmScores.Scored scored) {
            RfmScores.Figures f = scored.figures();
            return new Customer(f.customer(), scored.segment().code(), scored.recency(), scored.frequency(),
                    scored.monetary(), f.daysSinceLastOrder(), f.orders(), money(f.spend()));
        }
    }

    private SegmentReport() {
    }

    public static Summary summary(RfmSegments.Scoring scoring) {
        List<Segment> segments = new ArrayList<>();
        int all = scoring.customers().size();
        for (RfmSegment segment : RfmSegment.values()) {
            List<RfmScores.Figures> members = scoring.customers().stream().filter(s -> s.segment() == segment)
                    .map(RfmScores.Scored::figures).toList();
            double revenue = members.stream().mapToDouble(RfmScores.Figures::spend).sum();
            segments.add(new Segment(segment.code(), members.size(), all == 0 ? 0 : round(members.size() / (double) all),
                    money(revenue), members.isEmpty() ? 0 : round(members.stream()
                    .mapToLong(RfmScores.Figures::daysSinceLastOrder).average().orElse(0)),
                    members.isEmpty() ? 0 : round(members.stream().mapToLong(RfmScores.Figures::orders).average().orElse(0)),
                    money(members.isEmpty() ? 0 : revenue / members.size())));
        }
        return new Summary(scoring.asOf(), all, segments);
    }

    /** The segment's customers, the biggest spenders first. */
    public static Page<Customer> customers(RfmSegments.Scoring scoring, RfmSegment segment, PageRequest page) {
        List<RfmScores.Scored> members = scoring.customers().stream().filter(s -> s.segment() == segment)
                .sorted(Comparator.comparingDouble((RfmScores.Scored s) -> s.figures().spend()).reversed()
                        .thenComparingLong(s -> s.figures().customer()))
                .toList();
        return Page.of(members, page).map(Customer::of);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
