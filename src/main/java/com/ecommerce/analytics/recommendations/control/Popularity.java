package com.ecommerce.analytics.recommendations.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Best sellers per country and category, each unit weighted by its age so that what sells now counts
 * more than what sold two years ago: a unit loses half its weight every {@value #HALF_LIFE_DAYS} days.
 */
public final class Popularity {

    /** The country code under which sales of every country are kept. */
    public static final String EVERYWHERE = "";
    static final double HALF_LIFE_DAYS = 60;

    private final int today;
    private final Map<String, Map<Long, Double>> scoresByCountry = new HashMap<>();
    private final Map<Long, Long> categories = new HashMap<>();

    public Popularity(int today) {
        this.today = today;
    }

    public void add(String country, long category, long product, int quantity, int epochDay) {
        double weight = quantity * Math.pow(0.5, Math.max(0, today - epochDay) / HALF_LIFE_DAYS);
        categories.putIfAbsent(product, category);
        scoresByCountry.computeIfAbsent(country, c -> new HashMap<>()).merge(product, weight, Double::sum);
        scoresByCountry.computeIfAbsent(EVERYWHERE, c -> new HashMap<>()).merge(product, weight, Double::sum);
    }

    /** Per country, the best perCategory products of each category, best first. */
    public Map<String, List<Popular>> bestSellers(int perCategory) {
        Map<String, List<Popular>> best = new HashMap<>();
        scoresByCountry.forEach((country, scores) -> {
            Map<Long, List<Popular>> byCategory = scores.entrySet().stream()
                    .map(e -> new Popular(e.getKey(), categories.get(e.getKey()), e.getValue()))
                    .collect(Collectors.groupingBy(Popular::category));
            List<Popular> kept = new ArrayList<>();
            byCategory.values().forEach(products -> products.stream().sorted(BEST_FIRST).limit(perCategory).forEach(kept::add));
            kept.sort(BEST_FIRST);
            best.put(country, kept);
        });
        return best;
    }

    static final Comparator<Popular> BEST_FIRST = Comparator.comparingDouble(Popular::score).reversed()
            .thenComparingLong(Popular::product);
}
