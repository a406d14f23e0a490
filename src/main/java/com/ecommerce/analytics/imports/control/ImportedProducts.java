package com.ecommerce.analytics.imports.control;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The products of a batch by SKU (the file's StockCode). A product first seen is created in the category
 * "Uncategorized", named after the line that first names it; while the import runs, the price of each
 * product it created follows the latest UnitPrice read. Products that existed before keep their name and
 * price.
 */
public class ImportedProducts {

    static final String CATEGORY = "Uncategorized";
    private static final int LONGEST_NAME = 200;

    /** The latest line of each product created by this import, across its batches. */
    private final Map<String, SalesLine> latestOfCreated = new HashMap<>();

    /** A copy for one attempt at a batch: kept once the batch has committed, dropped if it was rolled back. */
    ImportedProducts copy() {
        ImportedProducts copy = new ImportedProducts();
        copy.latestOfCreated.putAll(latestOfCreated);
        return copy;
    }

    void keep(ImportedProducts committed) {
        latestOfCreated.clear();
        latestOfCreated.putAll(committed.latestOfCreated);
    }

    /** Creates the products first seen in these lines, reprices the ones this import created before, counts the new. */
    int createOrReprice(ImportTables tables, List<SalesLine> lines, Map<String, Long> ids, Instant now)
            throws SQLException {
        Map<String, SalesLine> first = new LinkedHashMap<>();
        Map<String, SalesLine> latest = new LinkedHashMap<>();
        for (SalesLine line : lines) {
            String sku = ImportTables.normal(line.sku());
            first.putIfAbsent(sku, line);
            latest.merge(sku, line, (a, b) -> b.date().isBefore(a.date()) ? a : b);
        }
        Map<String, SalesLine> missing = new LinkedHashMap<>(latest);
        missing.keySet().removeAll(ids.keySet());
        if (!missing.isEmpty()) {
            List<ImportTables.NewProduct> created = missing.entrySet().stream().map(entry -> {
                SalesLine named = first.get(entry.getKey());
                String name = named.description().isBlank() ? named.sku() : named.description();
                return new ImportTables.NewProduct(named.sku(), name.length() > LONGEST_NAME
                        ? name.substring(0, LONGEST_NAME) : name, entry.getValue().unitPrice());
            }).toList();
            ids.putAll(tables.insertProducts(created, tables.category(CATEGORY,
                    "Products first seen in an import of past sales"), now));
            latestOfCreated.putAll(missing);
        }
        tables.updatePrices(newPrices(latest, ids, missing), now);
        return missing.size();
    }

    /** Products created by an earlier batch whose latest line is now a later one at another price. */
    private Map<Long, BigDecimal> newPrices(Map<String, SalesLine> latest, Map<String, Long> ids,
                                            Map<String, SalesLine> createdNow) {
        Map<Long, BigDecimal> prices = new HashMap<>();
        for (Map.Entry<String, SalesLine> entry : latest.entrySet()) {
            SalesLine before = latestOfCreated.get(entry.getKey());
            SalesLine line = entry.getValue();
            if (before == null || createdNow.containsKey(entry.getKey()) || line.date().isBefore(before.date())) {
                continue;
            }
            latestOfCreated.put(entry.getKey(), line);
            if (line.unitPrice().compareTo(before.unitPrice()) != 0) {
                prices.put(ids.get(entry.getKey()), line.unitPrice());
            }
        }
        return prices;
    }
}
