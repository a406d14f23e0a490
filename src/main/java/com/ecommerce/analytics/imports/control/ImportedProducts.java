package com.ecommerce.analytics.imports.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.platform.database.UtcInstantConverter;

/**
 * The products of a batch by SKU (the file's StockCode). A product first seen is created in the category
 * "Uncategorized", named after its description; while the import runs, the price of each product it created
 * follows the latest UnitPrice read. Products that existed before keep their name and price.
 */
public class ImportedProducts {

    static final String CATEGORY = "Uncategorized";
    private static final int LONGEST_NAME = 200;

    /** The latest line of each product created by this import, across its batches. */
    private final Map<String, SalesLine> latestOfCreated = new HashMap<>();

    Map<String, Long> find(Connection db, List<String> skus) throws SQLException {
        return Keys.ids(db, "SELECT sku, id FROM product WHERE sku IN (?)", skus);
    }

    /** Creates the products first seen in these lines, and reprices the ones this import created before. */
    int createOrReprice(Connection db, List<SalesLine> lines, Map<String, Long> ids, Instant now) throws SQLException {
        Map<String, SalesLine> first = new LinkedHashMap<>();
        Map<String, SalesLine> latest = new LinkedHashMap<>();
        for (SalesLine line : lines) {
            first.putIfAbsent(Keys.normal(line.sku()), line);
            latest.merge(Keys.normal(line.sku()), line, (a, b) -> b.date().isBefore(a.date()) ? a : b);
        }
        Map<String, SalesLine> missing = new LinkedHashMap<>(latest);
        missing.keySet().removeAll(ids.keySet());
        if (!missing.isEmpty()) {
            List<SalesLine> firstLines = missing.keySet().stream().map(first::get).toList();
            create(db, firstLines, missing, category(db), now);
            ids.putAll(find(db, firstLines.stream().map(SalesLine::sku).toList()));
            latestOfCreated.putAll(missing);
        }
        reprice(db, latest, ids, missing, now);
        return missing.size();
    }

    /** Named after the line that first names the product, priced at its latest line. */
    private static void create(Connection db, List<SalesLine> firstLines, Map<String, SalesLine> latest, long category,
                               Instant now) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO product (name, sku, price, category_id, is_active, "
                + "created_at, updated_at, version) VALUES (?, ?, ?, ?, TRUE, ?, ?, 0)")) {
            for (SalesLine line : firstLines) {
                String name = line.description().isBlank() ? line.sku() : line.description();
                insert.setString(1, name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) : name);
                insert.setString(2, line.sku());
                insert.setBigDecimal(3, latest.get(Keys.normal(line.sku())).unitPrice());
                insert.setLong(4, category);
                insert.setObject(5, UtcInstantConverter.toColumn(now));
                insert.setObject(6, UtcInstantConverter.toColumn(now));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void reprice(Connection db, Map<String, SalesLine> latest, Map<String, Long> ids, Map<String, SalesLine> created,
                         Instant now) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE product SET price = ?, updated_at = ? WHERE id = ?")) {
            boolean any = false;
            for (Map.Entry<String, SalesLine> entry : latest.entrySet()) {
                SalesLine before = latestOfCreated.get(entry.getKey());
                SalesLine line = entry.getValue();
                if (before == null || created.containsKey(entry.getKey()) || line.date().isBefore(before.date())) {
                    continue;
                }
                latestOfCreated.put(entry.getKey(), line);
                if (line.unitPrice().compareTo(before.unitPrice()) != 0) {
                    update.setBigDecimal(1, line.unitPrice());
                    update.setObject(2, UtcInstantConverter.toColumn(now));
                    update.setLong(3, ids.get(entry.getKey()));
                    update.addBatch();
                    any = true;
                }
            }
            if (any) {
                update.executeBatch();
            }
        }
    }

    private static long category(Connection db) throws SQLException {
        Long id = categoryId(db);
        if (id != null) {
            return id;
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO category (name, description) VALUES (?, ?)")) {
            insert.setString(1, CATEGORY);
            insert.setString(2, "Products first seen in an import of past sales");
            insert.executeUpdate();
        }
        return categoryId(db);
    }

    private static Long categoryId(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT id FROM category WHERE name = ?")) {
            query.setString(1, CATEGORY);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }
}
