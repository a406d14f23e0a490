package com.ecommerce.analytics.imports.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The staged lines of a file gathered into invoices, wherever their rows stood in the file: an invoice is
 * dated at its earliest line, and its lines are taken in an order of their own content, so that the same rows
 * in any order make the same orders. An invoice whose lines name two customers or two countries, or whose
 * total the store cannot hold, is refused whole: no line of it says which one is right.
 */
final class StagedInvoices {

    private static final Comparator<SalesLine> CONTENT_ORDER = Comparator
            .comparing((SalesLine line) -> ImportTables.normal(line.sku())).thenComparing(SalesLine::unitPrice)
            .thenComparing(SalesLine::date).thenComparingInt(SalesLine::quantity).thenComparing(SalesLine::description)
            .thenComparingLong(SalesLine::line);

    private StagedInvoices() {
    }

    static List<Invoice> of(List<SalesLine> lines, ImportTally tally) {
        Map<String, List<SalesLine>> byNumber = lines.stream().collect(Collectors.groupingBy(SalesLine::invoice,
                TreeMap::new, Collectors.toList()));
        return byNumber.entrySet().stream().map(entry -> invoice(entry.getKey(), entry.getValue(), tally))
                .filter(invoice -> invoice != null)
                .sorted(Comparator.comparing(Invoice::date).thenComparing(Invoice::number)).toList();
    }

    private static Invoice invoice(String number, List<SalesLine> lines, ImportTally tally) {
        List<SalesLine> sorted = lines.stream().sorted(CONTENT_ORDER).toList();
        List<String> customers = sorted.stream().map(SalesLine::customer).distinct().sorted().toList();
        List<String> countries = sorted.stream().map(line -> line.country().value()).distinct().sorted().toList();
        BigDecimal total = sorted.stream().map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String refused = customers.size() > 1 ? "invoice " + number + " names " + customers.size() + " customers ("
                + String.join(", ", customers) + "); an invoice is one customer's"
                : countries.size() > 1 ? "invoice " + number + " names " + countries.size() + " countries ("
                + String.join(", ", countries) + "); an invoice ships to one"
                : total.abs().compareTo(SalesLineFormat.LARGEST_AMOUNT) > 0 ? "invoice " + number + " totals " + total
                + ", more than " + SalesLineFormat.LARGEST_AMOUNT : null;
        if (refused != null) {
            sorted.forEach(line -> tally.reject(line, refused));
            return null;
        }
        SalesLine first = sorted.get(0);
        Instant date = sorted.stream().map(SalesLine::date).min(Comparator.naturalOrder()).orElseThrow();
        return new Invoice(number, first.customer(), first.country(), date, sorted);
    }
}
