package com.ecommerce.analytics.platform.lifecycle;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** How many API requests this instance is answering now: background work gives way while there are any. */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true, dispatcherTypes = DispatcherType.REQUEST)
public class RequestsInFlight extends HttpFilter {

    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final ThreadLocal<Boolean> COUNTED = new ThreadLocal<>();

    static int count() {
        return IN_FLIGHT.get();
    }

    /** The work, the calling request not counted meanwhile: it only waits for the background job it asked for. */
    static <T> T notCountedDuring(Supplier<T> waiting) {
        if (COUNTED.get() == null) {
            return waiting.get();
        }
        IN_FLIGHT.decrementAndGet();
        try {
            return waiting.get();
        } finally {
            IN_FLIGHT.incrementAndGet();
        }
    }

    static void enter() {
        IN_FLIGHT.incrementAndGet();
        COUNTED.set(true);
    }

    static void leave() {
        COUNTED.remove();
        IN_FLIGHT.decrementAndGet();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        enter();
        try {
            chain.doFilter(request, response);
        } finally {
            leave();
        }
    }
}
