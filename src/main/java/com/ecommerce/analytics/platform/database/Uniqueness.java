package com.ecommerce.analytics.platform.database;

import com.ecommerce.analytics.platform.errors.Conflict;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;

/**
 * Checks a unique column before writing, to answer 409 with a useful message; the database's unique
 * constraint still decides races (UnexpectedErrorMapper maps its violation to 409 as well).
 */
public final class Uniqueness {

    private Uniqueness() {
    }

    public static void require(EntityManager em, Class<?> type, String attribute, String jsonField, Object value,
                               Long exceptId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<?> root = query.from(type);
        query.select(cb.count(root)).where(exceptId == null
                ? cb.equal(root.get(attribute), value)
                : cb.and(cb.equal(root.get(attribute), value), cb.notEqual(root.get("id"), exceptId)));
        if (em.createQuery(query).getSingleResult() > 0) {
            throw new Conflict("A " + type.getSimpleName().toLowerCase() + " with " + jsonField + " '" + value
                    + "' already exists.");
        }
    }
}
