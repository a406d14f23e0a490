package com.ecommerce.analytics.customermodels.model;

import java.util.List;

import org.apache.commons.math3.special.Gamma;

/**
 * The Gamma-Gamma model of spend per purchase (Fader, Hardie and Lee 2005, "RFM and CLV: Using Iso-Value Curves
 * for Customer Base Analysis", JMR 42(4); Fader and Hardie 2013, "The Gamma-Gamma Model of Monetary Value"): each
 * purchase's value ~ Gamma(p, nu), a customer's nu ~ Gamma(q, gamma). Fitted on repeat buyers' mean repeat value.
 */
public record GammaGamma(double p, double q, double v) {

    /** The log-likelihood of a repeat buyer's mean value over x purchases (equation 4 of the 2013 note). */
    public double logLikelihood(PurchaseHistory h) {
        return logLikelihood(h, countTerms(h.x()));
    }

    /** The sum over repeat buyers; the gamma functions of x are computed once per x, not once per buyer. */
    public double logLikelihood(List<PurchaseHistory> repeatBuyers) {
        PerRepeatCount countTerms = new PerRepeatCount(this::countTerms);
        double sum = 0;
        for (PurchaseHistory buyer : repeatBuyers) {
            sum += logLikelihood(buyer, countTerms.of(buyer.x()));
        }
        return sum;
    }

    private double countTerms(int x) {
        return Gamma.logGamma(p * x + q) - Gamma.logGamma(p * x) - Gamma.logGamma(q) + q * Math.log(v);
    }

    private double logLikelihood(PurchaseHistory h, double countTerms) {
        int x = h.x();
        double m = h.meanRepeatValue();
        return countTerms + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(x * m + v);
    }

    public static Fitted fit(List<PurchaseHistory> customers) {
        List<PurchaseHistory> repeatBuyers = customers.stream().filter(h -> h.x() > 0 && h.meanRepeatValue() > 0).toList();
        MaximumLikelihood.Fit fit = MaximumLikelihood.maximise(
                p -> new GammaGamma(p[0], p[1], p[2]).logLikelihood(repeatBuyers), new double[] {1, 1, 1});
        double[] p = fit.parameters();
        return new Fitted(new GammaGamma(p[0], p[1], p[2]), fit.logLikelihood(), repeatBuyers.size());
    }

    public record Fitted(GammaGamma model, double logLikelihood, int repeatBuyers) {
    }

    /**
     * E[Z | x, mean value]: the customer's expected value per purchase, a weighted mean of the population's
     * (p v / (q - 1)) and the customer's own (equation 5 of the 2013 note); the population's without repeat purchases.
     */
    public double expectedValuePerPurchase(PurchaseHistory h) {
        double population = p * v / (q - 1);
        if (h.x() == 0) {
            return population;
        }
        double weight = p * h.x() / (p * h.x() + q - 1);
        return (1 - weight) * population + weight * h.meanRepeatValue();
    }
}
