package com.ecommerce.analytics.imports.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Looks up the ids of many natural keys (invoice numbers, customer numbers, SKUs) a thousand at a time.
 * Keys compare without case, as MySQL's collation compares them: "85123a" is the SKU "85123A".
 */
final class Keys {

    private static final int SLICE = 1_000;

    private Keys() {
    }

    /** Runs the query, whose only parameter list is written "(?)", for the keys; its rows are (key, id). */
    static Map<String, Long> ids(Connection db, String sql, Collection<String> keys) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += SLICE) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + SLICE));
            try (PreparedStatement query = db.prepareStatement(sql.replace("(?)", placeholders(slice.size())))) {
                for (int i = 0; i < slice.size(); i++) {
                    query.setString(i + 1, slice.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.put(normal(rows.getString(1)), rows.getLong(2));
                    }
                }
            }
        }
        return ids;
    }

    static String normal(String key) {
        return key.toUpperCase(Locale.ROOT);
    }

    static String placeholders(int count) {
        return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }
}
