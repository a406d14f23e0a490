package com.ecommerce.analytics.recommendations.control;

/** A product the customer's nearest customers bought: the sum of the similarities of those who bought it. */
public record SuggestedProduct(long product, double score) {
}
