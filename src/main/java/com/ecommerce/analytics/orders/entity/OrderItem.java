package com.ecommerce.analytics.orders.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import com.ecommerce.analytics.catalog.entity.Product;

import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import com.ecommerce.analytics.platform.database.StoredTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

@Entity
@Table(name = "order_item")
public class OrderItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Batched: a page of lines stored before V17 reads their orders' times in one query. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "order_id")
    private Order order;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    private Product product;

    @Column(name = "product_id", insertable = false, updatable = false)
    private Long productId;

    @Column(name = "order_id", insertable = false, updatable = false)
    private Long orderId;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "price_at_time_of_order", nullable = false, precision = 12, scale = 2)
    private BigDecimal priceAtTimeOfOrder;

    /** Null in lines stored before V17: see createdAt(). */
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected OrderItem() {
    }

    OrderItem(Order order, Product product, int quantity, BigDecimal priceAtTimeOfOrder) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        this.order = order;
        this.product = product;
        this.quantity = quantity;
        this.priceAtTimeOfOrder = priceAtTimeOfOrder.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Changes the line; the caller settles stock and the order's total. */
    public void change(int newQuantity, BigDecimal newUnitPrice) {
        if (newQuantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        quantity = newQuantity;
        priceAtTimeOfOrder = newUnitPrice.setScale(2, RoundingMode.UNNECESSARY);
    }

    @PrePersist
    void stampCreation() {
        createdAt = StoredTime.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void stampUpdate() {
        updatedAt = StoredTime.now();
    }

    /** When the line was stored; for a line stored before the column existed, when its order was. */
    public Instant createdAt() {
        return createdAt != null ? createdAt : order.getCreatedAt();
    }

    public Instant updatedAt() {
        return updatedAt != null ? updatedAt : createdAt();
    }

    public BigDecimal lineTotal() {
        return priceAtTimeOfOrder.multiply(BigDecimal.valueOf(quantity));
    }

    public Long getId() {
        return id;
    }

    public Order getOrder() {
        return order;
    }

    public Product getProduct() {
        return product;
    }

    /** The product's id without loading the product. */
    public long productId() {
        return productId != null ? productId : product.getId();
    }

    public long orderId() {
        return orderId != null ? orderId : order.getId();
    }

    public int getQuantity() {
        return quantity;
    }

    public BigDecimal getPriceAtTimeOfOrder() {
        return priceAtTimeOfOrder;
    }
}
