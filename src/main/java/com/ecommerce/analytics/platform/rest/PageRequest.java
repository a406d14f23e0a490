package com.ecommerce.analytics.platform.rest;

public record PageRequest(long offset, int limit) {
}
