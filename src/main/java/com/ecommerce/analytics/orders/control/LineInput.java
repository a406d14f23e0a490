package com.ecommerce.analytics.orders.control;

import java.math.BigDecimal;

import com.ecommerce.analytics.orders.entity.OrderItem;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** One line of a pending order as /api/order-items/ takes it; price_at_time_of_order defaults to the catalog's. */
public record LineInput(
        @NotNull Long order,
        @NotNull Long product,
        @NotNull @Min(1) @Max(1_000_000) Integer quantity,
        @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal priceAtTimeOfOrder) {

    public static LineInput of(OrderItem item) {
        return new LineInput(item.orderId(), item.productId(), item.getQuantity(), item.getPriceAtTimeOfOrder());
    }
}
