package com.ecommerce.analytics.imports.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.customers.entity.CountryCode;

/**
 * The lines of one InvoiceNo: a sale becomes an order, a credit note refunds earlier orders. Dated at its
 * earliest line (see StagedInvoices).
 */
public record Invoice(String number, String customer, CountryCode country, Instant date, List<SalesLine> lines) {

    public boolean isCredit() {
        return SalesLineFormat.isCreditNote(number);
    }

    /**
     * The order lines of a sale: lines of the same SKU at the same price are one line of their summed
     * quantity, as an order placed through the API holds one line per product.
     */
    public List<SalesLine> items() {
        Map<List<Object>, SalesLine> items = new LinkedHashMap<>();
        for (SalesLine line : lines) {
            items.merge(List.of(ImportTables.normal(line.sku()), line.unitPrice()), line, (a, b) -> new SalesLine(
                    a.line(), a.invoice(), a.sku(), a.description(), a.quantity() + b.quantity(), a.date(), a.unitPrice(),
                    a.customer(), a.country()));
        }
        return List.copyOf(items.values());
    }

    public long firstLine() {
        return lines.stream().mapToLong(SalesLine::line).min().orElseThrow();
    }
}
