package com.ecommerce.analytics.imports.control;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    record Found(Map<String, Long> ids, int created) {
    }

    private ImportedProducts() {
    }

    /** The products of the SKUs, by any of the file's spellings, those sold and missing created; ids by SKU key. */
    static Found findOrCreate(ImportTables tables, List<StagedFile.SkuSales> skus, Instant now) throws SQLException {
        Map<String, Long> ids = tables.productIds(skus.stream().flatMap(sku -> sku.spellings().stream()).toList());
        List<ImportTables.NewProduct> missing = skus.stream()
                .filter(sku -> sku.earliest() != null && !ids.containsKey(sku.key())).map(sku -> {
                    StagedFile.StagedSale named = sku.earliest();
                    String name = named.description().isBlank() ? named.sku() : named.description();
                    return new ImportTables.NewProduct(named.sku(), name.length() > LONGEST_NAME
                            ? name.substring(0, LONGEST_NAME) : name, sku.latest().unitPrice());
                }).toList();
        if (!missing.isEmpty()) {
            ids.putAll(tables.insertProducts(missing, tables.category(CATEGORY, "Products first seen in an import of past "
                    + "sales"), now));
        }
        return new Found(ids, missing.size());
    }
}
