package com.ecommerce.analytics.recommendations.control;

/** A product's recency-weighted units sold in a country (or everywhere), with its category. */
public record Popular(long product, long category, double score) {
}
