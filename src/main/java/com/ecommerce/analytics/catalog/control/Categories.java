package com.ecommerce.analytics.catalog.control;

import java.math.BigDecimal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.catalog.entity.Category;
import com.ecommerce.analytics.platform.database.Listing;
import com.ecommerce.analytics.platform.database.Lookup;
import com.ecommerce.analytics.platform.database.Uniqueness;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.rest.Page;
import com.ecommerce.analytics.platform.rest.PageRequest;
import com.ecommerce.analytics.platform.rest.SortOrder;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;

@Stateless
public class Categories {

    public static final Map<String, String> ORDERING = Map.of("id", "id", "name", "name");

    @PersistenceContext
    EntityManager em;

    public Page<Category> list(String search, SortOrder sort, PageRequest page) {
        return Listing.of(em, Category.class).where((cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (search != null && !search.isBlank()) {
                where.add(cb.like(cb.lower(root.get("name")), "%" + search.toLowerCase() + "%"));
            }
            return where;
        }).page(sort, page);
    }

    /** A read by id, without a transaction: one statement where a transaction adds three round trips. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Category find(long id) {
        return Lookup.byId(em, Category.class, id, "Category");
    }

    public Category create(String name, String description, Integer leadTimeDays, BigDecimal serviceLevel) {
        Uniqueness.require(em, Category.class, "name", "name", name, null);
        Category category = new Category(name, description);
        category.plan(leadTimeDays, serviceLevel);
        em.persist(category);
        return category;
    }

    public Category update(long id, String name, String description, Integer leadTimeDays, BigDecimal serviceLevel) {
        Category category = find(id);
        Uniqueness.require(em, Category.class, "name", "name", name, id);
        category.setName(name);
        category.setDescription(description);
        category.plan(leadTimeDays, serviceLevel);
        return category;
    }

    public void delete(long id) {
        Category category = find(id);
        long products = em.createQuery("SELECT COUNT(p) FROM Product p WHERE p.category = :category", Long.class)
                .setParameter("category", category).getSingleResult();
        if (products > 0) {
            throw new Conflict("Category " + id + " still has " + products + " products; move or delete them first.");
        }
        em.remove(category);
    }
}
