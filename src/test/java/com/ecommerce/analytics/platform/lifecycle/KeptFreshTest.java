package com.ecommerce.analytics.platform.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class KeptFreshTest {

    private final AtomicInteger computations = new AtomicInteger();
    private final List<Runnable> backgroundWork = new ArrayList<>();
    private final KeptFresh<Integer> kept = new KeptFresh<>(computations::incrementAndGet, Duration.ofMillis(200),
            backgroundWork::add);

    @Test
    void aFreshValueIsReusedWithoutComputingAgain() {
        assertEquals(1, kept.get().value());
        assertEquals(1, kept.get().value());
        assertEquals(1, computations.get());
        assertEquals(0, backgroundWork.size());
    }

    @Test
    void aStaleValueIsAnsweredOnceMoreWhileOneRefreshRunsInTheBackground() throws InterruptedException {
        kept.get();
        Thread.sleep(250);
        assertEquals(1, kept.get().value());
        assertEquals(1, kept.get().value());
        assertEquals(1, backgroundWork.size(), "one refresh, however many readers");
        backgroundWork.get(0).run();
        assertEquals(2, kept.get().value());
    }

    @Test
    void aValueOlderThanTwiceItsFreshnessIsNeverServed() throws InterruptedException {
        kept.get();
        Thread.sleep(450);
        assertEquals(2, kept.get().value(), "the reader waited for a new value");
        assertEquals(0, backgroundWork.size());
    }

    @Test
    void whileBackgroundRefreshesFailTheOldValueIsServedOnlyUpToTheBound() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        KeptFresh<Integer> failing = new KeptFresh<>(() -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("the database is away");
            }
            return calls.get();
        }, Duration.ofMillis(200), Runnable::run);
        assertEquals(1, failing.get().value());
        Thread.sleep(250);
        assertEquals(1, failing.get().value(), "the refresh failed; the old value is still within its bound");
        Thread.sleep(200);
        assertEquals(3, failing.get().value());
    }
}
