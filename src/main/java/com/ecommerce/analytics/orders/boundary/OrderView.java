package com.ecommerce.analytics.orders.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.ecommerce.analytics.orders.entity.Order;
import com.ecommerce.analytics.orders.entity.OrderItem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

@JsonbPropertyOrder({"id", "customer", "orderDate", "status", "totalAmount", "items", "createdAt", "updatedAt",
        "externalReference"})
public record OrderView(long id, long customer, Instant orderDate,
                        @Schema(enumeration = {"pending", "shipped", "delivered", "canceled"}) String status,
                        BigDecimal totalAmount,
                        List<ItemView> items, Instant createdAt, Instant updatedAt, String externalReference) {

    @JsonbPropertyOrder({"id", "order", "product", "quantity", "priceAtTimeOfOrder"})
    public record ItemView(long id, long order, long product, int quantity, BigDecimal priceAtTimeOfOrder) {
        public static ItemView of(OrderItem item) {
            return new ItemView(item.getId(), item.orderId(), item.productId(), item.getQuantity(),
                    item.getPriceAtTimeOfOrder());
        }
    }

    static OrderView of(Order order) {
        return new OrderView(order.getId(), order.customerId(), order.getOrderDate(), order.getStatus().code(),
                order.getTotalAmount(), order.getItems().stream().map(ItemView::of).sorted(Comparator.comparingLong(ItemView::id)).toList(),
                order.getCreatedAt(), order.getUpdatedAt(), order.getExternalReference());
    }
}
