package com.ecommerce.analytics.catalog.control;

/** A product moved to another category; fired after the product row is written, inside the same transaction. */
public record ProductMoved(long product, long fromCategory, long toCategory) {
}
