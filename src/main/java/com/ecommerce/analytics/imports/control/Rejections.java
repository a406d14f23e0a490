package com.ecommerce.analytics.imports.control;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** Counts every rejected row and keeps the first hundred by line number, however many there are. */
public class Rejections {

    static final int KEPT = 100;

    private final TreeSet<Rejection> first = new TreeSet<>(Comparator.comparingLong(Rejection::line)
            .thenComparing(Rejection::reason));
    private long count;

    public void add(Rejection rejection) {
        count++;
        first.add(rejection);
        if (first.size() > KEPT) {
            first.pollLast();
        }
    }

    public void add(long line, String reason) {
        add(new Rejection(line, reason));
    }

    public void addAll(List<Rejection> rejections) {
        rejections.forEach(this::add);
    }

    public long count() {
        return count;
    }

    public List<Rejection> first() {
        return List.copyOf(first);
    }
}
