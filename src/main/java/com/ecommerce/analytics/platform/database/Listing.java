package com.ecommerce.analytics.platform.database;

import java.util.List;

import com.ecommerce.analytics.platform.rest.Page;
import com.ecommerce.analytics.platform.rest.PageRequest;
import com.ecommerce.analytics.platform.rest.SortOrder;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/**
 * One page of a filtered, ordered entity list, and its total: two statements, whatever the page size. A list whose
 * filter is given as a value (a record) reuses a large total for a few seconds (LargeTotals).
 */
public final class Listing<T> {

    @FunctionalInterface
    public interface Filter<T> {
        List<Predicate> predicates(CriteriaBuilder cb, Root<T> root);
    }

    private final EntityManager em;
    private final Class<T> type;
    private Filter<T> filter = (cb, root) -> List.of();
    private Object filterValues;

    private Listing(EntityManager em, Class<T> type) {
        this.em = em;
        this.type = type;
    }

    public static <T> Listing<T> of(EntityManager em, Class<T> type) {
        return new Listing<>(em, type);
    }

    public Listing<T> where(Filter<T> predicates) {
        this.filter = predicates;
        return this;
    }

    /** @param values what the predicates filter by, as a value whose toString tells filters apart (a record) */
    public Listing<T> where(Record values, Filter<T> predicates) {
        this.filterValues = values;
        return where(predicates);
    }

    public Page<T> page(SortOrder sort, PageRequest request) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        long total = filterValues == null ? count(cb)
                : LargeTotals.of(type.getName() + filterValues, () -> count(cb));

        CriteriaQuery<T> rows = cb.createQuery(type);
        Root<T> root = rows.from(type);
        rows.select(root).where(filter.predicates(cb, root).toArray(Predicate[]::new)).orderBy(sort.toCriteria(cb, root));
        List<T> items = em.createQuery(rows)
                .setFirstResult((int) Math.min(request.offset(), Integer.MAX_VALUE))
                .setMaxResults(request.limit())
                .getResultList();
        return new Page<>(items, total, request);
    }

    private long count(CriteriaBuilder cb) {
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<T> counted = count.from(type);
        count.select(cb.count(counted)).where(filter.predicates(cb, counted).toArray(Predicate[]::new));
        return em.createQuery(count).getSingleResult();
    }
}
