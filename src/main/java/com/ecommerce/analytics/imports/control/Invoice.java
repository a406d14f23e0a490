package com.ecommerce.analytics.imports.control;

import java.time.Instant;
import java.util.List;

import com.ecommerce.analytics.customers.entity.CountryCode;

/**
 * The consecutive lines of one InvoiceNo: a sale becomes an order, a credit note refunds earlier orders.
 * Its customer, country and date are those of its first line.
 */
public record Invoice(String number, String customer, CountryCode country, Instant date, List<SalesLine> lines) {

    public boolean isCredit() {
        return SalesLineFormat.isCreditNote(number);
    }

    public long firstLine() {
        return lines.get(0).line();
    }
}
