package com.ecommerce.analytics.analytics.control;

import java.util.List;

import jakarta.persistence.Query;

/** Positional parameters of the package's native queries, bound in order. */
public final class NativeQueries {

    private NativeQueries() {
    }

    public static Query bind(Query query, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }
}
