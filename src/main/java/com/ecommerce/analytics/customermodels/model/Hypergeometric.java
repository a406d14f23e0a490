package com.ecommerce.analytics.customermodels.model;

/**
 * Gauss's hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1 by its power series, summed until a term no
 * longer changes the sum (Abramowitz and Stegun 15.1.1). Commons Math has no 2F1; the BG/NBD's argument
 * t / (alpha + T + t) stays below 1, where the series converges.
 */
final class Hypergeometric {

    private static final int MAX_TERMS = 100_000;

    private Hypergeometric() {
    }

    static double f21(double a, double b, double c, double z) {
        if (z < 0 || z >= 1) {
            throw new IllegalArgumentException("2F1 is summed here for 0 <= z < 1 only, not " + z);
        }
        double term = 1;
        double sum = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            double next = sum + term;
            if (next == sum) {
                return sum;
            }
            sum = next;
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
    }
}
