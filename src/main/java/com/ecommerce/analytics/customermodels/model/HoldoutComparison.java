package com.ecommerce.analytics.customermodels.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Purchases a model predicted for a hold-out period beside those that happened, in total, by decile of the
 * prediction, and by the repeat purchases seen in calibration (0 to 7+), as Figure 4 of Fader, Hardie and Lee (2005)
 * plots them.
 */
public final class HoldoutComparison {

    /** One customer: repeat purchases in calibration, purchases predicted and made in the hold-out. */
    public record Customer(int calibrationRepeats, double predicted, int actual) {
    }

    @Schema(name = "HoldoutGroup", description = "Customers of one group: their purchases predicted and made in the "
            + "hold-out, summed and per customer")
    public record Group(String group, int customers, double predicted, int actual, double predictedPerCustomer,
                        double actualPerCustomer) {

        static Group of(String name, List<Customer> members) {
            double predicted = members.stream().mapToDouble(Customer::predicted).sum();
            int actual = members.stream().mapToInt(Customer::actual).sum();
            int n = members.size();
            return new Group(name, n, round(predicted), actual, n == 0 ? 0 : round(predicted / n),
                    n == 0 ? 0 : round((double) actual / n));
        }
    }

    @Schema(name = "HoldoutComparison")
    public record Comparison(Group total, List<Group> byDecile, List<Group> byCalibrationRepeats) {
    }

    /** Groups of at least this many repeat purchases share the last row, as in the paper. */
    static final int OPEN_REPEATS = 7;

    private HoldoutComparison() {
    }

    public static Comparison of(List<Customer> customers) {
        List<Customer> ascending = new ArrayList<>(customers);
        ascending.sort(Comparator.comparingDouble(Customer::predicted));
        List<Group> deciles = new ArrayList<>();
        int n = ascending.size();
        for (int decile = 0; decile < 10; decile++) {
            deciles.add(Group.of("decile " + (decile + 1), ascending.subList(decile * n / 10, (decile + 1) * n / 10)));
        }
        List<Group> byRepeats = new ArrayList<>();
        for (int x = 0; x <= OPEN_REPEATS; x++) {
            int repeats = x;
            Predicate<Customer> inGroup = x < OPEN_REPEATS ? c -> c.calibrationRepeats() == repeats
                    : c -> c.calibrationRepeats() >= OPEN_REPEATS;
            byRepeats.add(Group.of(x < OPEN_REPEATS ? String.valueOf(x) : OPEN_REPEATS + "+",
                    customers.stream().filter(inGroup).toList()));
        }
        return new Comparison(Group.of("total", customers), deciles, byRepeats);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
