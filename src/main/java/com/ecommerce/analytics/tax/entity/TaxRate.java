package com.ecommerce.analytics.tax.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import com.ecommerce.analytics.platform.database.StoredTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The tax rate of sales to one country, or of every other country (DEFAULT). */
@Entity
@Table(name = "tax_rate")
public class TaxRate {

    public static final String DEFAULT = "DEFAULT";

    @Id
    @Column(length = 7)
    private String country;

    @Column(nullable = false, precision = 6, scale = 4)
    private BigDecimal rate;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected TaxRate() {
    }

    public TaxRate(String country, BigDecimal rate) {
        this.country = country;
        setRate(rate);
    }

    @PrePersist
    @PreUpdate
    void stamp() {
        updatedAt = StoredTime.now();
    }

    /**
     * The tax on an amount: amount x rate, rounded half up to the cent (0.005 becomes 0.01), once per
     * order, never per line.
     */
    public BigDecimal taxOn(BigDecimal amount) {
        return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    public String getCountry() {
        return country;
    }

    public BigDecimal getRate() {
        return rate;
    }

    public void setRate(BigDecimal rate) {
        this.rate = rate.setScale(4, RoundingMode.UNNECESSARY);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
