package com.ecommerce.analytics.tax.control;

import java.math.BigDecimal;

import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.orders.entity.OrderStatus;

/**
 * An order as its tax sees it: where it was sold, its status, its total and the sum of its refunds. Public
 * because EclipseLink builds it from a JPQL constructor expression through its public constructor.
 */
public record TaxableOrder(CountryCode country, OrderStatus status, BigDecimal totalAmount, BigDecimal refunds) {
}
