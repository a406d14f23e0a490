package com.ecommerce.analytics.imports.control;

import java.math.BigDecimal;
import java.time.Instant;

import com.ecommerce.analytics.customers.entity.CountryCode;

/** One valid row of a transaction-line file: a sale, or a return when the invoice is a credit note. */
public record SalesLine(long line, String invoice, String sku, String description, int quantity, Instant date,
                        BigDecimal unitPrice, String customer, CountryCode country) {
}
