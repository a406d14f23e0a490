package com.ecommerce.analytics.platform.rest;

import java.util.List;
import java.util.function.Function;

public record Page<T>(List<T> items, long total, PageRequest request) {

    public <R> Page<R> map(Function<? super T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, request);
    }
}
