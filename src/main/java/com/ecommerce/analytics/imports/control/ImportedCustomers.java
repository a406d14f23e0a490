package com.ecommerce.analytics.imports.control;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The customers of a batch by their external reference (the file's CustomerID), created on first sight
 * with the country of their first invoice, registered on its date. The file has no name or e-mail, so
 * the customer is named after the number and given an address under the reserved .invalid domain
 * (RFC 2606), which can never receive mail, until the merchant edits it.
 */
final class ImportedCustomers {

    private ImportedCustomers() {
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

    /** Creates the customers first seen in these invoices (taken in date order), adds them to the ids, counts them. */
    static int createMissing(ImportTables tables, List<Invoice> invoices, Map<String, Long> ids, Instant now)
            throws SQLException {
        Map<String, ImportTables.NewCustomer> missing = new LinkedHashMap<>();
        invoices.stream().filter(invoice -> !ids.containsKey(invoice.customer()))
                .sorted(Comparator.comparing(Invoice::date))
                .forEach(invoice -> missing.putIfAbsent(invoice.customer(), new ImportTables.NewCustomer(
                        invoice.customer(), "Customer " + invoice.customer(), email(invoice.customer()),
                        invoice.country().value(), invoice.date())));
        if (missing.isEmpty()) {
            return 0;
        }
        Map<String, Long> created = tables.insertCustomers(missing.values(), now);
        ids.putAll(created);
        return created.size();
    }
}
