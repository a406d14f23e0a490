package com.ecommerce.analytics.catalog.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.ecommerce.analytics.catalog.entity.Product;
import com.ecommerce.analytics.catalog.entity.Tag;
import com.ecommerce.analytics.platform.money.InStoreCurrency;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

@JsonbPropertyOrder({"id", "name", "description", "sku", "price", "category", "tags", "active", "costPrice", "leadTimeDays",
        "serviceLevel", "createdAt", "updatedAt"})
public record ProductView(long id, String name, String description, @JsonbProperty("SKU") String sku, BigDecimal price,
                          long category, List<Long> tags, @JsonbProperty("is_active") boolean active,
                          BigDecimal costPrice, Integer leadTimeDays, BigDecimal serviceLevel,
                          Instant createdAt, Instant updatedAt) implements InStoreCurrency {

    static ProductView of(Product product) {
        return new ProductView(product.getId(), product.getName(), product.getDescription(), product.getSku(),
                product.getPrice(), product.categoryId(),
                product.getTags().stream().map(Tag::getId).sorted().toList(), product.isActive(),
                product.getCostPrice(), product.getLeadTimeDays(), product.getServiceLevel(), product.getCreatedAt(),
                product.getUpdatedAt());
    }
}
