package com.ecommerce.analytics.orders.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class OrderStatusConverter implements AttributeConverter<OrderStatus, String> {

    @Override
    public String convertToDatabaseColumn(OrderStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public OrderStatus convertToEntityAttribute(String column) {
        return column == null ? null : OrderStatus.fromCode(column)
                .orElseThrow(() -> new IllegalStateException("unknown order status in the database: " + column));
    }
}
