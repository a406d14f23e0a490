package com.ecommerce.analytics.inventory.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import com.ecommerce.analytics.catalog.entity.Product;
import com.ecommerce.analytics.inventory.entity.Inventory;
import com.ecommerce.analytics.platform.database.Listing;
import com.ecommerce.analytics.platform.database.Lookup;
import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.rest.Page;
import com.ecommerce.analytics.platform.rest.PageRequest;
import com.ecommerce.analytics.platform.rest.SortOrder;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;

/** Stock records, one per product, edited by hand (restocks, counts); orders reserve through StockReservation. */
@Stateless
public class Stock {

    public static final Map<String, String> ORDERING = Map.of("id", "id", "product", "productId",
            "quantity", "quantity", "last_restocked_date", "lastRestockedDate", "low_stock_threshold", "lowStockThreshold");
    private static final Logger LOG = Logger.getLogger(Stock.class.getName());

    @PersistenceContext
    EntityManager em;

    public Page<Inventory> list(boolean lowStockOnly, Long productId, SortOrder sort, PageRequest page) {
        return Listing.of(em, Inventory.class).where((cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (lowStockOnly) {
                where.add(cb.le(root.get("quantity"), root.get("lowStockThreshold")));
            }
            if (productId != null) {
                where.add(cb.equal(root.get("productId"), productId));
            }
            return where;
        }).page(sort, page);
    }

    /** A read by id, without a transaction: one statement where a transaction adds three round trips. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Inventory find(long id) {
        return Lookup.byId(em, Inventory.class, id, "Inventory record");
    }

    public Inventory create(InventoryInput input) {
        Product product = em.find(Product.class, input.product());
        if (product == null) {
            throw InvalidRequest.field("product", "product " + input.product() + " does not exist");
        }
        long existing = em.createQuery("SELECT COUNT(i) FROM Inventory i WHERE i.product = :product", Long.class)
                .setParameter("product", product).getSingleResult();
        if (existing > 0) {
            throw new Conflict("Product " + input.product() + " already has an inventory record; update that one.");
        }
        Inventory inventory = new Inventory(product, 0);
        inventory.setLowStockThreshold(input.thresholdOrDefault());
        change(inventory, input.quantity());
        em.persist(inventory);
        return inventory;
    }

    public Inventory update(long id, InventoryInput input) {
        Inventory inventory = find(id);
        if (inventory.productId() != input.product()) {
            throw InvalidRequest.field("product", "an inventory record stays with its product");
        }
        inventory.setLowStockThreshold(input.thresholdOrDefault());
        change(inventory, input.quantity());
        return inventory;
    }

    public void delete(long id) {
        em.remove(find(id));
    }

    private static void change(Inventory inventory, int quantity) {
        if (inventory.changeQuantity(quantity, StoredTime.now())) {
            LowStock.report(LOG, inventory);
        }
    }
}
