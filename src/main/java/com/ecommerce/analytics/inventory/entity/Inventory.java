package com.ecommerce.analytics.inventory.entity;

import java.time.Instant;

import com.ecommerce.analytics.catalog.entity.Product;
import com.ecommerce.analytics.platform.database.StoredTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "inventory")
public class Inventory {

    public static final int DEFAULT_LOW_STOCK_THRESHOLD = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", unique = true)
    private Product product;

    /** The product's id without loading the product: listing stock must not cost a query per row. */
    @Column(name = "product_id", insertable = false, updatable = false)
    private Long productId;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "last_restocked_date")
    private Instant lastRestockedDate;

    @Column(name = "low_stock_threshold", nullable = false)
    private int lowStockThreshold = DEFAULT_LOW_STOCK_THRESHOLD;

    @Column(name = "low_stock_alerted", nullable = false)
    private boolean lowStockAlerted;

    /** Null in rows stored before V17: see createdAt(). */
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    /** Also set by StockReservation's bulk updates, which bypass the callbacks. */
    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected Inventory() {
    }

    public Inventory(Product product, int quantity) {
        this.product = product;
        setQuantity(quantity);
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

    public boolean isLowStock() {
        return quantity <= lowStockThreshold;
    }

    /**
     * Sets the stock count; a higher count is a restock. Answers true when this change is the one that
     * took the stock down to its low-stock threshold, which is worth reporting once.
     */
    public boolean changeQuantity(int newQuantity, Instant now) {
        if (newQuantity > quantity) {
            lastRestockedDate = now;
        }
        setQuantity(newQuantity);
        return noteLowStock();
    }

    /** Answers true once per crossing into low stock; leaving low stock re-arms it. */
    public boolean noteLowStock() {
        boolean newlyLow = isLowStock() && !lowStockAlerted;
        lowStockAlerted = isLowStock();
        return newlyLow;
    }

    public Long getId() {
        return id;
    }

    public Product getProduct() {
        return product;
    }

    public long productId() {
        return productId != null ? productId : product.getId();
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("stock cannot be negative");
        }
        this.quantity = quantity;
    }

    public Instant getLastRestockedDate() {
        return lastRestockedDate;
    }

    public int getLowStockThreshold() {
        return lowStockThreshold;
    }

    public void setLowStockThreshold(int lowStockThreshold) {
        this.lowStockThreshold = lowStockThreshold;
    }

    /** When the row was stored; for stock stored before the column existed, its last restock (or null). */
    public Instant createdAt() {
        return createdAt != null ? createdAt : lastRestockedDate;
    }

    public Instant updatedAt() {
        return updatedAt != null ? updatedAt : createdAt();
    }

    public long getVersion() {
        return version;
    }
}
