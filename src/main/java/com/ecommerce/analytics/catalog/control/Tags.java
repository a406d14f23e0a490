package com.ecommerce.analytics.catalog.control;

import java.util.Map;

import com.ecommerce.analytics.catalog.entity.Product;
import com.ecommerce.analytics.catalog.entity.Tag;
import com.ecommerce.analytics.platform.database.Listing;
import com.ecommerce.analytics.platform.database.Lookup;
import com.ecommerce.analytics.platform.database.Uniqueness;
import com.ecommerce.analytics.platform.rest.Page;
import com.ecommerce.analytics.platform.rest.PageRequest;
import com.ecommerce.analytics.platform.rest.SortOrder;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@Stateless
public class Tags {

    public static final Map<String, String> ORDERING = Map.of("id", "id", "name", "name");

    @PersistenceContext
    EntityManager em;

    public Page<Tag> list(SortOrder sort, PageRequest page) {
        return Listing.of(em, Tag.class).page(sort, page);
    }

    public Tag find(long id) {
        return Lookup.byId(em, Tag.class, id, "Tag");
    }


    public Tag create(String name) {
        Uniqueness.require(em, Tag.class, "name", "name", name, null);
        Tag tag = new Tag(name);
        em.persist(tag);
        return tag;
    }

    public Tag rename(long id, String name) {
        Tag tag = find(id);
        Uniqueness.require(em, Tag.class, "name", "name", name, id);
        tag.setName(name);
        return tag;
    }

    /** Products lose the tag; the products themselves stay. */
    public void delete(long id) {
        Tag tag = find(id);
        em.createQuery("SELECT p FROM Product p WHERE :tag MEMBER OF p.tags", Product.class)
                .setParameter("tag", tag).getResultStream().forEach(product -> product.getTags().remove(tag));
        em.remove(tag);
    }
}
