package com.ecommerce.analytics.imports.control;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/**
 * The products of an import by SKU (the file's StockCode, compared without case). Before any invoice is written,
 * each SKU the file sells that no product has is created in the category "Uncategorized", named after its
 * earliest sale in the file and priced at its latest one, by date and then invoice number, never by where a row
 * stands in the file: the same rows in any order, or a run interrupted and run again, create the same products.
 * Products that existed before keep their name and price.
 */
final class ImportedProducts {

    static final String CATEGORY = "Uncategorized";
    static final int LONGEST_NAME = 200;

    private static final Comparator<StagingTables.StagedSale> FILE_ORDER = Comparator
            .comparing(StagingTables.StagedSale::date).thenComparing(StagingTables.StagedSale::invoice)
            .thenComparing(StagingTables.StagedSale::description).thenComparing(StagingTables.StagedSale::unitPrice);

    private ImportedProducts() {
    }

    /**
     * The products of the SKUs (by any of the file's spellings), those sold in the file and missing created from
     * its sales; the ids by SKU compared without case.
     */
    record Found(Map<String, Long> ids, int created) {
    }

    static Found findOrCreate(ImportTables tables, List<String> spellings, List<StagingTables.StagedSale> sales,
                                          Instant now) throws SQLException {
        Map<String, Long> ids = tables.productIds(spellings);
        Map<String, StagingTables.StagedSale> earliest = bySku(sales, BinaryOperator.minBy(FILE_ORDER));
        Map<String, StagingTables.StagedSale> latest = bySku(sales, BinaryOperator.maxBy(FILE_ORDER));
        earliest.keySet().removeAll(ids.keySet());
        if (earliest.isEmpty()) {
            return new Found(ids, 0);
        }
        List<ImportTables.NewProduct> created = earliest.entrySet().stream().map(entry -> {
            StagingTables.StagedSale named = entry.getValue();
            String name = named.description().isBlank() ? named.sku() : named.description();
            return new ImportTables.NewProduct(named.sku(), name, latest.get(entry.getKey()).unitPrice());
        }).toList();
        ids.putAll(tables.insertProducts(created, tables.category(CATEGORY, "Products first seen in an import of past sales"),
                now));
        return new Found(ids, created.size());
    }

    private static Map<String, StagingTables.StagedSale> bySku(List<StagingTables.StagedSale> sales,
                                                              BinaryOperator<StagingTables.StagedSale> pick) {
        return sales.stream().collect(Collectors.toMap(sale -> ImportTables.normal(sale.sku()), sale -> sale, pick,
                TreeMap::new));
    }
}
