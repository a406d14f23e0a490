package com.ecommerce.analytics.testing;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A file of past sales in the import's transaction-line layout (README, "Importing past sales from CSV") and
 * what it adds up to. Credit notes are priced as the invoice they refund, so a refund is worth its line.
 */
public final class PastSales {

    public static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public record Line(String invoice, String sku, int quantity, LocalDateTime at, BigDecimal price, String customer,
                       String country) {
        public boolean credit() {
            return quantity < 0;
        }

        BigDecimal amount() {
            return price.multiply(BigDecimal.valueOf(Math.abs(quantity)));
        }
    }

    /** Sales (units, gross, orders, lines) of the invoice lines and refunds of the credit notes that matched. */
    public record Figures(long units, BigDecimal gross, BigDecimal refunds, long orders, long lines, long customers) {
        public BigDecimal net() {
            return gross.subtract(refunds);
        }
    }

    private final List<Line> lines = new ArrayList<>();

    /** A line of an invoice; a negative quantity is a line of a credit note, whose number starts with C. */
    public PastSales line(String invoice, String sku, int quantity, LocalDateTime at, String price, String customer,
                          String country) {
        lines.add(new Line(invoice, sku, quantity, at, new BigDecimal(price), customer, country));
        return this;
    }

    public List<Line> lines() {
        return lines;
    }

    public String csv() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (Line line : lines) {
            csv.append(line.invoice()).append(',').append(line.sku()).append(",Item ").append(line.sku()).append(',')
                    .append(line.quantity()).append(',').append(DATE.format(line.at())).append(',')
                    .append(line.price().toPlainString()).append(',').append(line.customer()).append(',')
                    .append(line.country()).append('\n');
        }
        return csv.toString();
    }

    public Figures of(Predicate<Line> which) {
        long units = 0;
        BigDecimal gross = BigDecimal.ZERO.setScale(2);
        BigDecimal refunds = BigDecimal.ZERO.setScale(2);
        for (Line line : lines) {
            if (!which.test(line)) {
                continue;
            }
            if (line.credit()) {
                refunds = refunds.add(line.amount());
            } else {
                units += line.quantity();
                gross = gross.add(line.amount());
            }
        }
        List<Line> sold = lines.stream().filter(which).filter(line -> !line.credit()).toList();
        return new Figures(units, gross, refunds, sold.stream().map(Line::invoice).distinct().count(), sold.size(),
                sold.stream().map(Line::customer).distinct().count());
    }

    public static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }
}
