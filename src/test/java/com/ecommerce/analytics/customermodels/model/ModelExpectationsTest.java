package com.ecommerce.analytics.customermodels.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The models' expectations against values computed another way, each written down in its test. The BG/NBD
 * parameters are the paper's CDNOW estimates.
 */
class ModelExpectationsTest {

    private static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);
    private static final List<PurchaseHistory> CUSTOMERS = List.of(new PurchaseHistory(0, 0, 38.86, 0),
            new PurchaseHistory(2, 30.43, 38.86, 22.35), new PurchaseHistory(5, 10, 38.86, 30),
            new PurchaseHistory(14, 38.5, 39, 45));

    @Test
    void theHypergeometricSeriesMatchesItsClosedForm() {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z (Abramowitz and Stegun 15.1.3)
        for (double z : new double[] {0.1, 0.5, 0.9, 0.99}) {
            assertEquals(-Math.log(1 - z) / z, Hypergeometric.f21(1, 1, 2, z), 1e-12);
        }
        assertEquals(1, Hypergeometric.f21(3.2, 1.5, 2.7, 0), 0);
    }

    @Test
    void pAliveIsTheShareOfTheLikelihoodThatHasTheCustomerStillBuying() {
        // L = L(alive at T) + L(dropped out after t_x); the first is B(a, b+x)/B(a,b) x Gamma(r+x) alpha^r /
        // (Gamma(r) (alpha+T)^(r+x)) (equation 6 of the paper), computed here from Commons Math's log-gamma and
        // log-beta instead of through the model's own formula.
        for (PurchaseHistory h : CUSTOMERS) {
            double r = CDNOW.r();
            double logAlive = Beta.logBeta(CDNOW.a(), CDNOW.b() + h.x()) - Beta.logBeta(CDNOW.a(), CDNOW.b())
                    + Gamma.logGamma(r + h.x()) - Gamma.logGamma(r) + r * Math.log(CDNOW.alpha())
                    - (r + h.x()) * Math.log(CDNOW.alpha() + h.T());
            assertEquals(Math.exp(logAlive - CDNOW.logLikelihood(h)), CDNOW.probabilityAlive(h), 1e-9, h.toString());
        }
    }

    @Test
    void expectedPurchasesEqualTheIntegralOverTheAliveCustomersPosterior() {
        // Alive at T, the customer's lambda ~ Gamma(r+x, alpha+T) and p ~ Beta(a, b+x), independent; with both
        // known, the purchases in the next t weeks number (1 - exp(-lambda p t)) / p on average (dropping out is a
        // Poisson process of rate lambda p). Averaged over lambda in closed form, over p numerically:
        // E[Y(t)] = P(alive) x integral of (1 - ((alpha+T) / (alpha+T+p t))^(r+x)) / p over Beta(a, b+x).
        // The Beta density's p^(a-1) is infinite at 0 for a < 1; with p = u^(1/a) the integrand is smooth in u:
        // p^(a-1) dp = du / a.
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(32, 1e-11, 1e-13);
        for (PurchaseHistory h : CUSTOMERS) {
            for (double t : new double[] {1, 39, 52}) {
                double a = CDNOW.a();
                double b = CDNOW.b() + h.x();
                double shape = CDNOW.r() + h.x();
                double scale = CDNOW.alpha() + h.T();
                double logBeta = Beta.logBeta(a, b);
                double integral = integrator.integrate(1_000_000, u -> {
                    double p = Math.pow(u, 1 / a);
                    double perP = p == 0 ? shape * t / scale : (1 - Math.pow(scale / (scale + p * t), shape)) / p;
                    return perP * Math.pow(1 - p, b - 1) * Math.exp(-logBeta) / a;
                }, 0, 1);
                assertEquals(CDNOW.probabilityAlive(h) * integral, CDNOW.expectedPurchases(h, t), 1e-6,
                        h + " over " + t + " weeks");
            }
        }
    }

    @Test
    void thePredictedValueIsPurchasesTimesValueDiscountedWeekByWeek() {
        GammaGamma spend = new GammaGamma(6.25, 3.74, 15.44);
        PurchaseHistory h = CUSTOMERS.get(1);
        CustomerForecast undiscounted = CustomerForecast.of(1, CDNOW, spend, h, 364, 0);
        CustomerForecast discounted = CustomerForecast.of(1, CDNOW, spend, h, 364, 0.1);

        double expected = CDNOW.expectedPurchases(h, 52);
        assertEquals(Math.round(expected * spend.expectedValuePerPurchase(h) * 100) / 100.0,
                undiscounted.predictedClv().doubleValue(), 0.005);
        // 52 weeks at 10% a year: each week's purchases divided by 1.1^(week/52), so between 1/1.1 and 1 of the total
        double ratio = discounted.predictedClv().doubleValue() / undiscounted.predictedClv().doubleValue();
        assertEquals(true, ratio > 1 / 1.1 && ratio < 1, "ratio " + ratio);
        assertEquals(undiscounted.expectedPurchases(), discounted.expectedPurchases());
    }

    @Test
    void withoutDiscountThePredictionIsTheWeeklySumsLimit() {
        GammaGamma spend = new GammaGamma(6.25, 3.74, 15.44);
        for (PurchaseHistory h : CUSTOMERS) {
            assertEquals(CustomerForecast.of(1, CDNOW, spend, h, 365, 1e-12).predictedClv(),
                    CustomerForecast.of(1, CDNOW, spend, h, 365, 0).predictedClv());
        }
    }

    @Test
    void theSampleLikelihoodIsTheSumOfEachCustomersWhateverTheirOrder() {
        // The sample's sum reuses the terms of one x for every customer with that x; customers repeat here.
        List<PurchaseHistory> reversed = new java.util.ArrayList<>(CUSTOMERS);
        java.util.Collections.reverse(reversed);
        List<PurchaseHistory> sample = new java.util.ArrayList<>(CUSTOMERS);
        sample.addAll(reversed);
        double each = 0;
        for (PurchaseHistory h : sample) {
            each += CDNOW.logLikelihood(h);
        }
        assertEquals(each, CDNOW.logLikelihood(sample), 1e-9);

        GammaGamma spend = new GammaGamma(6.25, 3.74, 15.44);
        List<PurchaseHistory> repeatBuyers = sample.stream().filter(h -> h.x() > 0).toList();
        double eachSpend = 0;
        for (PurchaseHistory h : repeatBuyers) {
            eachSpend += spend.logLikelihood(h);
        }
        assertEquals(eachSpend, spend.logLikelihood(repeatBuyers), 1e-9);
    }

    @Test
    void theExpectedValuePerPurchaseIsThePosteriorMeanOfPOverNu() {
        // nu | x purchases of mean m ~ Gamma(p x + q, v + x m), so E[p / nu] = p (v + x m) / (p x + q - 1)
        GammaGamma model = new GammaGamma(6.25, 3.74, 15.44);
        for (PurchaseHistory h : CUSTOMERS.subList(1, CUSTOMERS.size())) {
            double posterior = model.p() * (model.v() + h.x() * h.meanRepeatValue())
                    / (model.p() * h.x() + model.q() - 1);
            assertEquals(posterior, model.expectedValuePerPurchase(h), 1e-9);
        }
        assertEquals(6.25 * 15.44 / 2.74, model.expectedValuePerPurchase(CUSTOMERS.get(0)), 1e-9, "the population's");
    }
}
