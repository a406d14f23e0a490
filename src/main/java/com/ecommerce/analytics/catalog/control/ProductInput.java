package com.ecommerce.analytics.catalog.control;

import java.math.BigDecimal;
import java.util.List;

import com.ecommerce.analytics.catalog.entity.Product;
import com.ecommerce.analytics.catalog.entity.Tag;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a client may set on a product; id, timestamps and version belong to the server. */
public record ProductInput(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @JsonbProperty("SKU") @NotBlank @Size(max = 64) String sku,
        @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal price,
        @NotNull Long category,
        List<@NotNull Long> tags,
        @JsonbProperty("is_active") Boolean active,
        @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal costPrice,
        @Min(1) @Max(365) Integer leadTimeDays,
        @DecimalMin("0.5") @DecimalMax("0.9999") @Digits(integer = 1, fraction = 4) BigDecimal serviceLevel) {

    public static ProductInput of(Product product) {
        return new ProductInput(product.getName(), product.getDescription(), product.getSku(), product.getPrice(),
                product.getCategory().getId(), product.getTags().stream().map(Tag::getId).sorted().toList(),
                product.isActive(), product.getCostPrice(), product.getLeadTimeDays(), product.getServiceLevel());
    }

    public List<Long> tagIds() {
        return tags == null ? List.of() : tags;
    }

    /** Not a getter's name, so that neither JSON-B nor the OpenAPI document take it for a field. */
    public boolean activeOrDefault() {
        return active == null || active;
    }
}
