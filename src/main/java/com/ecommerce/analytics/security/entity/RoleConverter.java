package com.ecommerce.analytics.security.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.code();
    }

    @Override
    public Role convertToEntityAttribute(String column) {
        return column == null ? null : Role.fromCode(column)
                .orElseThrow(() -> new IllegalStateException("unknown role in the database: " + column));
    }
}
