package com.ecommerce.analytics.orders.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An order as a client places it. Unit prices come from the catalog unless an admin states them; the
 * total is always computed; order_date defaults to now and may be set for back-dated entries.
 */
public record NewOrder(
        @NotNull Long customer,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> items,
        Instant orderDate,
        @Pattern(regexp = "pending", message = "a new order is pending; ship it with PATCH {\"status\": \"shipped\"}, then "
                + "delivered (past sales come in through /api/import/orders/)") String status) {

    public record Line(
            @NotNull Long product,
            @NotNull @Min(1) @Max(1_000_000) Integer quantity,
            @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice) {
    }
}
