package com.ecommerce.analytics.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes a transaction-line file shaped like the UCI Online Retail data set: invoices of 1-40 lines (20 on
 * average), nine in ten British; one invoice in fifty a credit note for something the customer bought before;
 * one row in twenty without a customer, as in the real data set. The first invoice number and the customer
 * numbers are parameters, so that several files import as different sales.
 */
final class OnlineRetailFile {

    record Lines(long lines, long invoices, long credits, long unreadable) {
    }

    private static final String[] COUNTRIES = {"Germany", "France", "EIRE", "Spain", "Netherlands", "Belgium",
            "Switzerland", "Portugal", "Australia", "Norway", "Italy", "Channel Islands", "Finland", "Cyprus", "Sweden",
            "Austria", "Denmark", "Japan", "Poland", "USA", "Israel", "Unspecified", "Singapore", "Iceland", "Canada",
            "Greece", "Malta", "United Arab Emirates", "RSA", "Lebanon", "Lithuania", "Brazil", "Czech Republic"};
    private static final DateTimeFormatter SPREADSHEET_DATE = DateTimeFormatter.ofPattern("M/d/yyyy H:mm");

    private final long lines;
    private final int customers;
    private final int products;
    private final long firstInvoice;
    private final long firstCustomer;

    OnlineRetailFile(long lines, int customers, int products, long firstInvoice, long firstCustomer) {
        this.lines = lines;
        this.customers = customers;
        this.products = products;
        this.firstInvoice = firstInvoice;
        this.firstCustomer = firstCustomer;
    }

    /** The invoices spread evenly over the days from start on. */
    Lines write(Path file, LocalDateTime start, int days) throws IOException {
        Random random = new Random(2011);
        long written = 0;
        long invoices = 0;
        long credits = 0;
        long unreadable = 0;
        int[][] bought = new int[customers][8];
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
            for (long invoice = firstInvoice; written < lines; invoice++) {
                LocalDateTime date = start.plusMinutes(written * days * 24L * 60 / lines + random.nextInt(5));
                int customer = random.nextInt(customers);
                String country = customer % 10 == 0 ? COUNTRIES[customer / 10 % COUNTRIES.length] : "United Kingdom";
                boolean credit = invoices > 100 && random.nextInt(50) == 0;
                int size = credit ? 1 + random.nextInt(3) : 1 + random.nextInt(40);
                invoices++;
                credits += credit ? 1 : 0;
                for (int line = 0; line < size && written < lines; line++) {
                    int product = credit ? bought[customer][random.nextInt(8)] : random.nextInt(products);
                    if (!credit) {
                        bought[customer][line % 8] = product;
                    }
                    boolean anonymous = random.nextInt(20) == 0;
                    unreadable += anonymous || country.equals("Unspecified") ? 1 : 0;
                    out.write((credit ? "C" : "") + invoice + "," + (20_000 + product) + (product % 7 == 0 ? "B" : "")
                            + "," + (product % 5 == 0 ? "\"SET OF " + (product % 12 + 2) + ", ASSORTED " + product + "\""
                            : "ITEM " + product) + "," + (credit ? "-" : "") + (1 + random.nextInt(12)) + ","
                            + date.format(SPREADSHEET_DATE) + "," + (product % 50 + 1) + "." + (product % 100 < 10 ? "0" : "")
                            + product % 100 + "," + (anonymous ? "" : (firstCustomer + customer) + ".0") + "," + country + "\n");
                    written++;
                }
            }
        }
        return new Lines(written, invoices, credits, unreadable);
    }
}
