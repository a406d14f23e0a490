package com.ecommerce.analytics.platform.rest;

import java.util.List;
import java.util.function.Function;

public record Page<T>(List<T> items, long total, PageRequest request) {

    /** The requested page of a list held whole in memory (a report computed for every row before it is sorted). */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = (int) Math.min(request.offset(), all.size());
        int to = (int) Math.min(request.offset() + request.limit(), all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), all.size(), request);
    }

    public <R> Page<R> map(Function<? super T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, request);
    }
}
