package com.ecommerce.analytics.customermodels.control;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A fit of the customer models, with its parameters under the papers' names and what it was fitted on. */
@Schema(name = "CustomerModel")
public record CustomerModel(
        long id, Instant fittedAt,
        @Schema(description = "Orders after this day were not seen by the fit") LocalDate calibrationEnd,
        @Schema(description = "Only customers whose first order lies in [cohort_start, cohort_end]; null: open")
        LocalDate cohortStart, LocalDate cohortEnd,
        @Schema(description = "Customers fitted: those with an order by calibration_end (and in the cohort)")
        int customers,
        @Schema(description = "Customers with a repeat purchase of positive value: the Gamma-Gamma fit's sample")
        int repeatBuyers,
        BgNbdParameters bgNbd, GammaGammaParameters gammaGamma, long fitMillis,
        @Schema(description = "The day the fit predicted every customer's next 365 days as of (the ranked customers "
                + "report, ordering=-predicted_clv, and churn_rate definition=model read those predictions)")
        LocalDate predictionsAsOf) {

    @Schema(name = "BgNbdParameters", description = "Fader, Hardie and Lee (2005): purchase rate ~ Gamma(r, alpha) per "
            + "week, dropout probability after a purchase ~ Beta(a, b)")
    public record BgNbdParameters(double r, double alpha, double a, double b, double logLikelihood) {
    }

    @Schema(name = "GammaGammaParameters", description = "Fader, Hardie and Lee (2005), Fader and Hardie (2013): value "
            + "per purchase ~ Gamma(p, nu), nu ~ Gamma(q, v); null without repeat buyers")
    public record GammaGammaParameters(double p, double q, double v, double logLikelihood) {
    }
}
