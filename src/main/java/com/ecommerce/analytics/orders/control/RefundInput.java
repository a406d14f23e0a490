package com.ecommerce.analytics.orders.control;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Units of an order's products to refund; restock puts them back into inventory. */
public record RefundInput(
        @NotEmpty List<@NotNull @Valid Line> items,
        Boolean restock,
        Instant refundDate,
        @Size(max = 500) String reason) {

    public record Line(@NotNull Long product, @NotNull @Min(1) @Max(1_000_000) Integer quantity) {
    }

    public boolean restocks() {
        return Boolean.TRUE.equals(restock);
    }
}
