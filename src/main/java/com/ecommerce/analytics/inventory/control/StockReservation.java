package com.ecommerce.analytics.inventory.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import com.ecommerce.analytics.inventory.entity.Inventory;

import com.ecommerce.analytics.platform.database.StoredTime;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Takes and returns stock for orders inside the caller's transaction. Each product is decremented by a
 * conditional update (only if enough is left), so concurrent orders can never oversell; rows are
 * touched in product-id order, so two orders never wait on each other in opposite orders (deadlock).
 */
@Stateless
public class StockReservation {

    public record Shortage(long product, int requested, int available) {
    }

    private static final Logger LOG = Logger.getLogger(StockReservation.class.getName());

    @PersistenceContext
    EntityManager em;

    /** Reserves every product's units, or reports what is short; on shortages the caller must roll back. */
    public List<Shortage> reserve(Map<Long, Integer> unitsByProduct) {
        if (unitsByProduct.isEmpty()) {
            return List.of();
        }
        SortedMap<Long, Integer> units = new TreeMap<>(unitsByProduct);
        List<Long> shortProducts = new ArrayList<>();
        units.forEach((product, quantity) -> {
            int taken = em.createQuery("UPDATE Inventory i SET i.quantity = i.quantity - :quantity, "
                            + "i.version = i.version + 1, i.updatedAt = :now "
                            + "WHERE i.product.id = :product AND i.quantity >= :quantity")
                    .setParameter("quantity", quantity)
                    .setParameter("now", StoredTime.now())
                    .setParameter("product", product)
                    .executeUpdate();
            if (taken == 0) {
                shortProducts.add(product);
            }
        });
        if (!shortProducts.isEmpty()) {
            Map<Long, Integer> available = available(shortProducts);
            return shortProducts.stream()
                    .map(product -> new Shortage(product, units.get(product), available.getOrDefault(product, 0)))
                    .toList();
        }
        reportLowStock(units.keySet());
        return List.of();
    }

    /** Puts units back, for a canceled order or a refund with restock. */
    public void release(Map<Long, Integer> unitsByProduct) {
        if (unitsByProduct.isEmpty()) {
            return;
        }
        new TreeMap<>(unitsByProduct).forEach((product, quantity) ->
                em.createQuery("UPDATE Inventory i SET i.quantity = i.quantity + :quantity, i.version = i.version + 1, "
                                + "i.updatedAt = :now WHERE i.product.id = :product")
                        .setParameter("quantity", quantity)
                        .setParameter("now", StoredTime.now())
                        .setParameter("product", product)
                        .executeUpdate());
        em.createQuery("SELECT i FROM Inventory i WHERE i.product.id IN :products", Inventory.class)
                .setParameter("products", unitsByProduct.keySet()).getResultList()
                .forEach(Inventory::noteLowStock);
    }

    private Map<Long, Integer> available(List<Long> products) {
        return em.createQuery("SELECT i.product.id, i.quantity FROM Inventory i WHERE i.product.id IN :products",
                        Object[].class)
                .setParameter("products", products)
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (Integer) row[1]));
    }

    private void reportLowStock(Set<Long> products) {
        em.createQuery("SELECT i FROM Inventory i JOIN FETCH i.product WHERE i.product.id IN :products "
                        + "AND i.quantity <= i.lowStockThreshold AND i.lowStockAlerted = false", Inventory.class)
                .setParameter("products", products).getResultList()
                .forEach(inventory -> {
                    if (inventory.noteLowStock()) {
                        LowStock.report(LOG, inventory);
                    }
                });
    }
}
