package com.ecommerce.analytics.orders.control;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.ecommerce.analytics.orders.entity.Order;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What may change on a placed order: its status (by the allowed transitions) and its date. */
public record OrderChange(
        @NotNull @Schema(enumeration = {"pending", "shipped", "delivered", "canceled"})
        @Pattern(regexp = "pending|shipped|delivered|canceled",
                message = "must be pending, shipped, delivered or canceled") String status,
        Instant orderDate) {

    public static OrderChange of(Order order) {
        return new OrderChange(order.getStatus().code(), order.getOrderDate());
    }
}
