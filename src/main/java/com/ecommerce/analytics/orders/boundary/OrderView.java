package com.ecommerce.analytics.orders.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.ecommerce.analytics.orders.entity.Order;
import com.ecommerce.analytics.orders.entity.OrderItem;
import com.ecommerce.analytics.platform.money.InStoreCurrency;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

@JsonbPropertyOrder({"id", "customer", "orderDate", "status", "totalAmount", "items", "createdAt", "updatedAt",
        "externalReference"})
public record OrderView(long id, long customer, Instant orderDate,
                        @Schema(enumeration = {"pending", "shipped", "delivered", "canceled"}) String status,
                        BigDecimal totalAmount,
                        List<ItemView> items, Instant createdAt, Instant updatedAt, String externalReference)
                                implements InStoreCurrency {

    @JsonbPropertyOrder({"id", "order", "product", "quantity", "priceAtTimeOfOrder", "createdAt", "updatedAt"})
    public record ItemView(long id, long order, long product, int quantity, BigDecimal priceAtTimeOfOrder,
                           Instant createdAt, Instant updatedAt) implements InStoreCurrency {
        public static ItemView of(OrderItem item) {
            return new ItemView(item.getId(), item.orderId(), item.productId(), item.getQuantity(),
                    item.getPriceAtTimeOfOrder(), item.createdAt(), item.updatedAt());
        }
    }

    static OrderView of(Order order) {
        return new OrderView(order.getId(), order.customerId(), order.getOrderDate(), order.getStatus().code(),
                order.getTotalAmount(), order.getItems().stream().map(ItemView::of).sorted(Comparator.comparingLong(ItemView::id)).toList(),
                order.getCreatedAt(), order.getUpdatedAt(), order.getExternalReference());
    }
}
