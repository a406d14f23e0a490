package com.ecommerce.analytics.catalog.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 4000)
    private String description;

    @Column(nullable = false, unique = true, length = 64)
    private String sku;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    /** The category's id without loading the category: a page of products must not join or read the categories. */
    @Column(name = "category_id", insertable = false, updatable = false)
    private Long categoryId;

    @ManyToMany
    @BatchFetch(BatchFetchType.IN)
    @JoinTable(name = "product_tag",
            joinColumns = @JoinColumn(name = "product_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags = new LinkedHashSet<>();

    /** Null when the merchant has not told it: stock value at cost and margin are then unknown, not zero. */
    @Column(name = "cost_price", precision = 12, scale = 2)
    private BigDecimal costPrice;

    /** Null: the category's, or the store's (see stockplanning). */
    @Column(name = "lead_time_days")
    private Integer leadTimeDays;

    @Column(name = "service_level", precision = 5, scale = 4)
    private BigDecimal serviceLevel;

    @Column(name = "is_active", nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Product() {
    }

    public Product(String sku, String name, BigDecimal price, Category category) {
        this.sku = sku;
        this.name = name;
        setPrice(price);
        this.category = category;
        this.categoryId = category.getId();
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

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public BigDecimal getPrice() {
        return price;
    }

    /** Prices are kept in cents, as stored; a finer price is a validation error before it gets here. */
    public void setPrice(BigDecimal price) {
        this.price = price.setScale(2, RoundingMode.UNNECESSARY);
    }

    public BigDecimal getCostPrice() {
        return costPrice;
    }

    public void setCostPrice(BigDecimal costPrice) {
        this.costPrice = costPrice == null ? null : costPrice.setScale(2, RoundingMode.UNNECESSARY);
    }

    public Integer getLeadTimeDays() {
        return leadTimeDays;
    }

    public void setLeadTimeDays(Integer leadTimeDays) {
        this.leadTimeDays = leadTimeDays;
    }

    public BigDecimal getServiceLevel() {
        return serviceLevel;
    }

    public void setServiceLevel(BigDecimal serviceLevel) {
        this.serviceLevel = serviceLevel;
    }

    public Category getCategory() {
        return category;
    }

    public long categoryId() {
        return categoryId != null ? categoryId : category.getId();
    }

    public void setCategory(Category category) {
        this.category = category;
        this.categoryId = category.getId();
    }

    public Set<Tag> getTags() {
        return tags;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
