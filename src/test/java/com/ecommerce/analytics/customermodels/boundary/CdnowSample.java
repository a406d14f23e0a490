package com.ecommerce.analytics.customermodels.boundary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.ecommerce.analytics.customermodels.model.Purchase;

/**
 * The CDNOW sample's transactions (src/test/resources/cdnow/CDNOW_sample.txt: customer, id, day, CDs, dollars) up to
 * a day, moved whole to 2000. Other tests write history in the 1970s to 1990s and from 2001: 1,095 days later every
 * interval stays as it was and the sample, imported up to its calibration end only, is the only cohort of early 2000.
 */
final class CdnowSample {

    static final long SHIFT_DAYS = 1_095;

    record Transaction(String customer, LocalDate day, BigDecimal dollars) {
    }

    private CdnowSample() {
    }

    static LocalDate shifted(String day) {
        return LocalDate.parse(day).plusDays(SHIFT_DAYS);
    }

    /** The transactions on or before the (unshifted) day, shifted, in the file's order. */
    static List<Transaction> upTo(String lastDay) {
        LocalDate last = LocalDate.parse(lastDay);
        List<Transaction> transactions = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CdnowSample.class.getResourceAsStream("/cdnow/CDNOW_sample.txt"), StandardCharsets.UTF_8))) {
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                String[] f = row.trim().split("\\s+");
                LocalDate day = LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE);
                if (!day.isAfter(last)) {
                    transactions.add(new Transaction(String.valueOf(Integer.parseInt(f[0])), day.plusDays(SHIFT_DAYS),
                            new BigDecimal(f[4])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return transactions;
    }

    /** Each customer's purchases, as the store keeps them once imported. */
    static Map<String, List<Purchase>> purchasesUpTo(String lastDay) {
        Map<String, List<Purchase>> byCustomer = new TreeMap<>();
        for (Transaction t : upTo(lastDay)) {
            byCustomer.computeIfAbsent(t.customer(), c -> new ArrayList<>()).add(new Purchase(t.day(), t.dollars()));
        }
        return byCustomer;
    }
}
