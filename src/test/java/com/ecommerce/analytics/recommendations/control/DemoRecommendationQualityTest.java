package com.ecommerce.analytics.recommendations.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.orders.entity.OrderStatus;
import com.ecommerce.analytics.platform.demo.DemoData;
import com.ecommerce.analytics.platform.demo.DemoDataset;

/** The demo store's history, split 90 days before its end: every personalised type must beat best sellers. */
class DemoRecommendationQualityTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void everyPersonalisedTypeFindsMoreOfWhatCustomersBoughtNextThanBestSellers() {
        DemoDataset demo = DemoDataset.generate(DemoData.SEED, NOW, DemoData.CUSTOMERS, DemoData.ORDERS);
        Instant cutOff = NOW.minus(90, ChronoUnit.DAYS);
        int cutOffDay = (int) LocalDate.ofInstant(cutOff, ZoneOffset.UTC).toEpochDay();
        Training training = new Training(cutOffDay);
        Map<Long, Set<Long>> later = new HashMap<>();
        for (DemoDataset.OrderSeed order : demo.orders()) {
            if (order.status() == OrderStatus.CANCELED) {
                continue;
            }
            long customer = order.customer() + 1;
            for (DemoDataset.ItemSeed item : order.items()) {
                long product = item.product() + 1;
                if (order.orderDate().isBefore(cutOff)) {
                    training.add(customer, demo.customers().get(order.customer()).country(), product,
                            demo.products().get(item.product()).category() + 1, item.quantity(),
                            (int) LocalDate.ofInstant(order.orderDate(), ZoneOffset.UTC).toEpochDay());
                } else {
                    later.computeIfAbsent(customer, c -> new HashSet<>()).add(product);
                }
            }
        }
        Map<Long, String> countries = IntStream.range(0, demo.customers().size()).boxed()
                .collect(Collectors.toMap(i -> i + 1L, i -> demo.customers().get(i).country()));
        List<HoldOutEvaluation.Result> results = HoldOutEvaluation.evaluate(training.train(2), catalog(demo), later,
                countries, cutOffDay);

        results.forEach(r -> System.out.printf("%-18s %s%n", r.method(), r.metrics()));
        double baseline = results.get(0).metrics().hitRate();
        for (HoldOutEvaluation.Result result : results.subList(1, results.size())) {
            assertTrue(result.metrics().hitRate() > baseline,
                    result.method() + " hit rate " + result.metrics().hitRate() + " vs best sellers " + baseline);
        }
    }

    private static Recommender.Catalog catalog(DemoDataset demo) {
        return new Recommender.Catalog() {
            public Set<Long> offerable(Collection<Long> products, boolean healthyStock) {
                return products.stream().filter(p -> {
                    DemoDataset.ProductSeed seed = demo.products().get((int) (p - 1));
                    return seed.active() && seed.stock() > (healthyStock ? 10 : 0);
                }).collect(Collectors.toSet());
            }

            public List<Long> inStock(int limit) {
                return IntStream.range(0, demo.products().size()).filter(i -> demo.products().get(i).stock() > 0)
                        .mapToObj(i -> i + 1L).limit(limit).toList();
            }
        };
    }
}
