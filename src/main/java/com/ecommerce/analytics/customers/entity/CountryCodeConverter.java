package com.ecommerce.analytics.customers.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class CountryCodeConverter implements AttributeConverter<CountryCode, String> {

    @Override
    public String convertToDatabaseColumn(CountryCode country) {
        return country == null ? null : country.value();
    }

    @Override
    public CountryCode convertToEntityAttribute(String column) {
        return column == null ? null : new CountryCode(column);
    }
}
