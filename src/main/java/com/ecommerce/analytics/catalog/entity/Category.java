package com.ecommerce.analytics.catalog.entity;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "category")
public class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Column(length = 1000)
    private String description;

    /** Null: the store's default (INVENTORY_LEAD_TIME_DAYS); a product may set its own. */
    @Column(name = "lead_time_days")
    private Integer leadTimeDays;

    @Column(name = "service_level", precision = 5, scale = 4)
    private BigDecimal serviceLevel;

    protected Category() {
    }

    public Category(String name, String description) {
        this.name = name;
        this.description = description;
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

    public Integer getLeadTimeDays() {
        return leadTimeDays;
    }

    public BigDecimal getServiceLevel() {
        return serviceLevel;
    }

    public void plan(Integer leadTimeDays, BigDecimal serviceLevel) {
        this.leadTimeDays = leadTimeDays;
        this.serviceLevel = serviceLevel;
    }
}
