package com.ecommerce.analytics.customermodels.model;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * A function of the repeat purchases x, each value computed once: a sample's likelihood needs the gamma functions of
 * every x it holds (a few dozen), not of every customer (a hundred thousand).
 */
final class PerRepeatCount {

    private final IntToDoubleFunction terms;
    private double[] known = new double[0];

    PerRepeatCount(IntToDoubleFunction terms) {
        this.terms = terms;
    }

    double of(int x) {
        if (x >= known.length) {
            int before = known.length;
            known = Arrays.copyOf(known, Math.max(x + 1, 2 * before));
            Arrays.fill(known, before, known.length, Double.NaN);
        }
        if (Double.isNaN(known[x])) {
            known[x] = terms.applyAsDouble(x);
        }
        return known[x];
    }
}
