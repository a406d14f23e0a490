package com.ecommerce.analytics.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.customers.entity.CountryCode;

class StagedInvoicesTest {

    private static SalesLine line(long line, String invoice, String sku, int quantity, String date, String customer,
                                  String country) {
        return new SalesLine(line, invoice, sku, sku + " description", quantity, Instant.parse(date), new BigDecimal("2.50"),
                customer, new CountryCode(country));
    }

    private static final List<SalesLine> LINES = List.of(
            line(2, "A1", "MUG", 2, "2011-01-02T10:00:00Z", "7", "GB"),
            line(3, "B1", "CUP", 1, "2011-01-01T09:00:00Z", "8", "GB"),
            line(4, "A1", "CUP", 1, "2011-01-02T09:59:00Z", "7", "GB"),
            line(5, "A1", "MUG", 3, "2011-01-02T10:00:00Z", "7", "GB"),
            line(6, "D1", "CUP", 1, "2011-01-03T09:00:00Z", "8", "GB"),
            line(7, "D1", "MUG", 1, "2011-01-03T09:00:00Z", "9", "GB"),
            line(8, "E1", "CUP", 1, "2011-01-03T09:00:00Z", "8", "GB"),
            line(9, "E1", "MUG", 1, "2011-01-03T09:00:00Z", "8", "FR"));

    @Test
    void theSameLinesInAnyOrderMakeTheSameInvoicesInDateOrder() {
        ImportTally tally = new ImportTally();
        List<Invoice> invoices = StagedInvoices.of(LINES, tally);
        assertEquals(List.of("B1", "A1"), invoices.stream().map(Invoice::number).toList());
        Invoice a1 = invoices.get(1);
        assertEquals(Instant.parse("2011-01-02T09:59:00Z"), a1.date(), "dated at its earliest line");
        assertEquals(List.of("CUP", "MUG"), a1.items().stream().map(SalesLine::sku).toList());
        assertEquals(5, a1.items().get(1).quantity(), "one line of 5 mugs at one price");
        List<SalesLine> shuffled = new ArrayList<>(LINES);
        for (long seed = 0; seed < 20; seed++) {
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(invoices, StagedInvoices.of(shuffled, new ImportTally()));
        }
    }

    @Test
    void anInvoiceNamingTwoCustomersOrTwoCountriesIsRefusedWhole() {
        ImportTally tally = new ImportTally();
        StagedInvoices.of(LINES, tally);
        assertEquals(List.of(new Rejection(6, "invoice D1 names 2 customers (8, 9); an invoice is one customer's"),
                new Rejection(7, "invoice D1 names 2 customers (8, 9); an invoice is one customer's"),
                new Rejection(8, "invoice E1 names 2 countries (FR, GB); an invoice ships to one"),
                new Rejection(9, "invoice E1 names 2 countries (FR, GB); an invoice ships to one")), tally.rejections);
    }
}
