package com.ecommerce.analytics.customermodels.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One order of a customer: its day in the store's calendar and its value. */
public record Purchase(LocalDate day, BigDecimal value) {
}
