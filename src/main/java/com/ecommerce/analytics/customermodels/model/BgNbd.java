package com.ecommerce.analytics.customermodels.model;

import java.util.List;

import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD model (Fader, Hardie and Lee 2005, "Counting Your Customers the Easy Way", Marketing Science 24(2)):
 * while alive a customer buys at a Poisson rate lambda ~ Gamma(r, alpha), and after each purchase drops out with
 * probability p ~ Beta(a, b). Time is in weeks.
 */
public record BgNbd(double r, double alpha, double a, double b) {

    /** The log-likelihood of one customer's (x, t_x, T), section 7 of the paper (as in Hardie's note 004). */
    public double logLikelihood(PurchaseHistory h) {
        return logLikelihood(h, countTerms(h.x()));
    }

    /** The sum over customers; the terms that depend on x alone are computed once per x, not once per customer. */
    public double logLikelihood(List<PurchaseHistory> customers) {
        PerRepeatCount countTerms = new PerRepeatCount(this::countTerms);
        double sum = 0;
        for (PurchaseHistory customer : customers) {
            sum += logLikelihood(customer, countTerms.of(customer.x()));
        }
        return sum;
    }

    private double countTerms(int x) {
        double a1 = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha);
        double a2 = Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x);
        return a1 + a2;
    }

    private double logLikelihood(PurchaseHistory h, double countTerms) {
        int x = h.x();
        double a3 = -(r + x) * Math.log(alpha + h.T());
        if (x == 0) {
            return countTerms + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + h.tx());
        double larger = Math.max(a3, a4);
        return countTerms + larger + Math.log(Math.exp(a3 - larger) + Math.exp(a4 - larger));
    }

    /** The parameters of the largest likelihood, and that log-likelihood. */
    public static Fitted fit(List<PurchaseHistory> customers) {
        MaximumLikelihood.Fit fit = MaximumLikelihood.maximise(
                p -> new BgNbd(p[0], p[1], p[2], p[3]).logLikelihood(customers), new double[] {1, 1, 1, 1});
        double[] p = fit.parameters();
        return new Fitted(new BgNbd(p[0], p[1], p[2], p[3]), fit.logLikelihood());
    }

    public record Fitted(BgNbd model, double logLikelihood) {
    }

    /** P(alive | x, t_x, T), equation (A13) of Hardie's note 021; 1 for a customer without repeat purchases. */
    public double probabilityAlive(PurchaseHistory h) {
        if (h.x() == 0) {
            return 1;
        }
        return 1 / (1 + a / (b + h.x() - 1) * Math.pow((alpha + h.T()) / (alpha + h.tx()), r + h.x()));
    }

    /** E[Y(t) | x, t_x, T]: the purchases expected in the next t weeks, equation (10) of the paper. */
    public double expectedPurchases(PurchaseHistory h, double t) {
        int x = h.x();
        double z = t / (alpha + h.T() + t);
        double hyper = Hypergeometric.f21(r + x, b + x, a + b + x - 1, z);
        double numerator = (a + b + x - 1) / (a - 1)
                * (1 - Math.pow((alpha + h.T()) / (alpha + h.T() + t), r + x) * hyper);
        double denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.pow((alpha + h.T()) / (alpha + h.tx()), r + x) : 0);
        return numerator / denominator;
    }
}
