package com.ecommerce.analytics.imports.control;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.ecommerce.analytics.platform.database.UtcInstantConverter;

/**
 * The customers of a batch by their external reference (the file's CustomerID), created on first sight
 * with the country of their first invoice, registered on its date. The file has no name or e-mail, so
 * the customer is named after the number and given an address under the reserved .invalid domain
 * (RFC 2606), which can never receive mail, until the merchant edits it.
 */
final class ImportedCustomers {

    private ImportedCustomers() {
    }

    static Map<String, Long> find(Connection db, Collection<String> references) throws SQLException {
        return Keys.ids(db, "SELECT external_reference, id FROM customer WHERE external_reference IN (?)", references);
    }

    /**
     * customer-17850@imported.invalid: letters, digits, '.' and '-' as they are (in lower case), any other
     * character as '_' and its UTF-8 bytes in hex, so that two references never share an address.
     */
    static String email(String reference) {
        StringBuilder local = new StringBuilder("customer-");
        for (byte b : reference.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
                local.append(c);
            } else {
                local.append('_').append(String.format("%02x", b & 0xff));
            }
        }
        return local + "@imported.invalid";
    }

    /** Creates the customers first seen in these invoices (taken in date order) and adds them to the ids. */
    static int createMissing(Connection db, List<Invoice> invoices, Map<String, Long> ids) throws SQLException {
        Map<String, Invoice> firstInvoice = new LinkedHashMap<>();
        invoices.stream().filter(invoice -> !ids.containsKey(Keys.normal(invoice.customer())))
                .sorted((a, b) -> a.date().compareTo(b.date()))
                .forEach(invoice -> firstInvoice.putIfAbsent(Keys.normal(invoice.customer()), invoice));
        if (firstInvoice.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO customer (name, email, country, registration_date, "
                + "version, external_reference) VALUES (?, ?, ?, ?, 0, ?)")) {
            for (Invoice invoice : firstInvoice.values()) {
                insert.setString(1, "Customer " + invoice.customer());
                insert.setString(2, email(invoice.customer()));
                insert.setString(3, invoice.country().value());
                insert.setObject(4, UtcInstantConverter.toColumn(invoice.date()));
                insert.setString(5, invoice.customer());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Map<String, Long> created = find(db, firstInvoice.values().stream().map(Invoice::customer).toList());
        try (PreparedStatement stats = db.prepareStatement("INSERT INTO customer_stats (customer_id) VALUES (?)")) {
            for (long customer : created.values()) {
                stats.setLong(1, customer);
                stats.addBatch();
            }
            stats.executeBatch();
        }
        ids.putAll(created);
        return created.size();
    }
}
