package com.ecommerce.analytics.recommendations.control;

/** A similar product or customer: its id, the cosine similarity and how many buyers or products are shared. */
public record Neighbour(long id, double similarity, int shared) {
}
