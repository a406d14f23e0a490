package com.ecommerce.analytics.platform.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A background job gives way while requests are answered, for a bounded time; request threads never wait. */
class GivingWayToRequestsTest {

    private final CountDownLatch requestDone = new CountDownLatch(1);

    @AfterEach
    void noRequestLeftCounted() {
        requestDone.countDown();
    }

    @Test
    void aJobThatHasWorkedAWhileWaitsForTheRequestsInFlightThenGoesOn() throws Exception {
        CountDownLatch answering = new CountDownLatch(1);
        CompletableFuture<Void> request = CompletableFuture.runAsync(() -> {
            RequestsInFlight.enter();
            answering.countDown();
            try {
                requestDone.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                RequestsInFlight.leave();
            }
        });
        answering.await();
        long gaveWay = BackgroundWork.asBackgroundJob(() -> {
            busyFor(25);
            long started = System.nanoTime();
            BackgroundWork.giveWayToRequests();
            return System.nanoTime() - started;
        });
        assertTrue(gaveWay >= 25_000_000L, "waited for the request, " + gaveWay / 1e6 + " ms");
        assertTrue(gaveWay < 2_000_000_000L, "but not for as long as it lasts, " + gaveWay / 1e6 + " ms");
        requestDone.countDown();
        request.get(10, TimeUnit.SECONDS);
        assertEquals(0, RequestsInFlight.count());
    }

    @Test
    void withNoRequestInFlightAJobGoesStraightOn() {
        long gaveWay = BackgroundWork.asBackgroundJob(() -> {
            busyFor(25);
            long started = System.nanoTime();
            BackgroundWork.giveWayToRequests();
            return System.nanoTime() - started;
        });
        assertTrue(gaveWay < 5_000_000L, gaveWay / 1e6 + " ms");
    }

    @Test
    void aRequestWaitingForTheJobItAskedForIsNotCounted() {
        RequestsInFlight.enter();
        try {
            assertEquals(1, RequestsInFlight.count());
            assertEquals(0, (int) RequestsInFlight.notCountedDuring(RequestsInFlight::count));
            assertEquals(1, RequestsInFlight.count());
        } finally {
            RequestsInFlight.leave();
        }
    }

    @Test
    void outsideABackgroundJobNothingWaits() throws Exception {
        RequestsInFlight.enter();
        try {
            long started = System.nanoTime();
            BackgroundWork.giveWayToRequests();
            assertTrue(System.nanoTime() - started < 5_000_000L);
        } finally {
            RequestsInFlight.leave();
        }
    }

    private static void busyFor(long millis) {
        long until = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
