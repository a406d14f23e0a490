package com.ecommerce.analytics.customermodels.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The published fits on the CDNOW sample (2,357 customers of the 1997 cohort, 39 weeks of calibration), from the
 * lifetimes repository's cdnow_customers_summary_with_transactions.csv (MIT licence; see src/test/resources/cdnow).
 */
class CdnowFitTest {

    static List<PurchaseHistory> cdnow() throws IOException {
        List<PurchaseHistory> customers = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(CdnowFitTest.class.getResourceAsStream(
                "/cdnow/cdnow_customers_summary_with_transactions.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                customers.add(new PurchaseHistory(Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4])));
            }
        }
        return customers;
    }

    @Test
    void theBgNbdFitReproducesFaderHardieAndLee() throws IOException {
        List<PurchaseHistory> customers = cdnow();
        BgNbd.Fitted fitted = BgNbd.fit(customers);

        assertEquals(2357, customers.size());
        assertEquals("0.243", threeFigures(fitted.model().r()));
        assertEquals("4.41", threeFigures(fitted.model().alpha()));
        assertEquals("0.793", threeFigures(fitted.model().a()));
        assertEquals("2.43", threeFigures(fitted.model().b()));
        assertEquals(-9582.4, fitted.logLikelihood(), 0.05, "the paper's LL");
    }

    @Test
    void theGammaGammaFitReproducesTheNote() throws IOException {
        GammaGamma.Fitted fitted = GammaGamma.fit(cdnow());

        assertEquals(946, fitted.repeatBuyers());
        assertEquals("6.25", threeFigures(fitted.model().p()));
        assertEquals("3.74", threeFigures(fitted.model().q()));
        assertEquals("15.4", threeFigures(fitted.model().v()));
    }

    private static String threeFigures(double value) {
        return new BigDecimal(value).round(new MathContext(3)).toPlainString();
    }
}
