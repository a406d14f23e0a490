package com.ecommerce.analytics.platform.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.ecommerce.analytics.platform.errors.InvalidRequest;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;

/**
 * DRF's {@code ordering} parameter: comma-separated fields, '-' for descending, from a list each
 * collection allows. The id breaks ties, so pages are stable, unless a field ordered by is unique (an e-mail): then
 * there are no ties, and the database can read the page from that field's unique index.
 */
public record SortOrder(List<Key> keys) {

    public static final String ID = "id";

    public record Key(String attribute, boolean ascending) {
    }

    /** @param allowed the client's field names mapped to entity attribute paths ("category" to "category.name") */
    public static SortOrder parse(String ordering, Map<String, String> allowed) {
        return parse(ordering, allowed, Set.of());
    }

    /** @param unique the attributes no two rows share */
    public static SortOrder parse(String ordering, Map<String, String> allowed, Set<String> unique) {
        List<Key> keys = new ArrayList<>();
        if (ordering != null && !ordering.isBlank()) {
            for (String field : ordering.split(",")) {
                String name = field.trim();
                boolean ascending = !name.startsWith("-");
                String attribute = allowed.get(ascending ? name : name.substring(1));
                if (attribute == null) {
                    throw InvalidRequest.field("ordering", "cannot order by '" + name + "'; use one of "
                            + String.join(", ", allowed.keySet()) + ", with '-' for descending");
                }
                keys.add(new Key(attribute, ascending));
            }
        }
        if (keys.stream().noneMatch(key -> key.attribute().equals(ID) || unique.contains(key.attribute()))) {
            keys.add(new Key(ID, keys.isEmpty() || keys.get(0).ascending()));
        }
        return new SortOrder(keys);
    }

    public boolean byIdOnly() {
        return keys.size() == 1 && keys.get(0).attribute().equals(ID);
    }

    public List<Order> toCriteria(CriteriaBuilder cb, Root<?> root) {
        return keys.stream().map(key -> {
            Path<?> path = root;
            for (String part : key.attribute().split("\\.")) {
                path = path.get(part);
            }
            return key.ascending() ? cb.asc(path) : cb.desc(path);
        }).toList();
    }
}
