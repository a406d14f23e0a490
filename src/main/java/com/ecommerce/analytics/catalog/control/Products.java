package com.ecommerce.analytics.catalog.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.catalog.entity.Category;
import com.ecommerce.analytics.catalog.entity.Product;
import com.ecommerce.analytics.catalog.entity.Tag;
import com.ecommerce.analytics.platform.database.Listing;
import com.ecommerce.analytics.platform.database.Lookup;
import com.ecommerce.analytics.platform.database.Uniqueness;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.errors.NotFound;
import com.ecommerce.analytics.platform.rest.Page;
import com.ecommerce.analytics.platform.rest.PageRequest;
import com.ecommerce.analytics.platform.rest.SortOrder;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;

@Stateless
public class Products {

    public static final Map<String, String> ORDERING = Map.of("id", "id", "name", "name", "SKU", "sku",
            "price", "price", "created_at", "createdAt", "updated_at", "updatedAt", "category", "category.name");

    public record Filter(Long categoryId, Boolean active, String search) {
    }

    /** What deleting did: products with orders are kept, deactivated, for their history. */
    public enum Removal { DELETED, DEACTIVATED }

    @Inject
    Event<ProductMoved> moved;

    @PersistenceContext
    EntityManager em;

    /** Without a transaction, which would add three round trips to the listing's statements. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Page<Product> list(Filter filter, SortOrder sort, PageRequest page) {
        return Listing.of(em, Product.class).where(filter, (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.categoryId() != null) {
                where.add(cb.equal(root.get("category").get("id"), filter.categoryId()));
            }
            if (filter.active() != null) {
                where.add(cb.equal(root.get("active"), filter.active()));
            }
            if (filter.search() != null && !filter.search().isBlank()) {
                String pattern = "%" + filter.search().trim().toLowerCase() + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("name")), pattern), cb.like(cb.lower(root.get("sku")), pattern)));
            }
            return where;
        }).page(sort, page);
    }

    public Product find(long id) {
        return Lookup.byId(em, Product.class, id, "Product");
    }

    /**
     * A product to show, its category and tags with it: one statement and no transaction, where find's lazy loads in
     * a transaction took five round trips (SET autocommit, the product, COMMIT, SET autocommit, the category, the tags).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Product view(long id) {
        return em.createQuery("SELECT DISTINCT p FROM Product p JOIN FETCH p.category LEFT JOIN FETCH p.tags "
                        + "WHERE p.id = :id", Product.class)
                .setParameter("id", id).getResultStream().findFirst().orElseThrow(() -> NotFound.of("Product", id));
    }

    public Product create(ProductInput input) {
        Uniqueness.require(em, Product.class, "sku", "SKU", input.sku(), null);
        Product product = new Product(input.sku(), input.name(), input.price(), category(input.category()));
        apply(product, input);
        em.persist(product);
        return product;
    }

    public Product update(long id, ProductInput input) {
        Product product = find(id);
        Uniqueness.require(em, Product.class, "sku", "SKU", input.sku(), id);
        Category category = category(input.category());
        long from = product.getCategory().getId();
        product.setSku(input.sku());
        product.setName(input.name());
        product.setPrice(input.price());
        product.setCategory(category);
        apply(product, input);
        moved.fire(new ProductMoved(id, from, category.getId()));
        return product;
    }

    public Removal delete(long id) {
        Product product = find(id);
        long lines = em.createQuery("SELECT COUNT(i) FROM OrderItem i WHERE i.product = :product", Long.class)
                .setParameter("product", product).getSingleResult();
        if (lines > 0) {
            product.setActive(false);
            return Removal.DEACTIVATED;
        }
        em.remove(product);
        return Removal.DELETED;
    }

    private void apply(Product product, ProductInput input) {
        product.setDescription(input.description());
        product.setActive(input.activeOrDefault());
        product.setCostPrice(input.costPrice());
        product.setLeadTimeDays(input.leadTimeDays());
        product.setServiceLevel(input.serviceLevel());
        product.getTags().clear();
        for (Long tagId : input.tagIds()) {
            Tag tag = em.find(Tag.class, tagId);
            if (tag == null) {
                throw InvalidRequest.field("tags", "tag " + tagId + " does not exist");
            }
            product.getTags().add(tag);
        }
    }

    private Category category(long id) {
        Category category = em.find(Category.class, id);
        if (category == null) {
            throw InvalidRequest.field("category", "category " + id + " does not exist");
        }
        return category;
    }
}
