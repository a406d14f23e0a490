package com.ecommerce.analytics.platform.lifecycle;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs the long work of the background jobs (aggregate catch-up, model builds and fits, the demand forecast, the stock
 * watch) on concurrent/background, whose BACKGROUND_THREADS (server.xml, 1) bound the cores it takes from requests on a
 * small machine: a job that comes due while another runs waits its turn. A job asked for over HTTP runs the same way,
 * its caller waiting for it. /metrics shows how many jobs wait or run (background_jobs) and each job's runs and time
 * (background_job_seconds); the log has every run of a second or more, with when it started and how long it took.
 */
@ApplicationScoped
public class BackgroundWork {

    private static final Logger LOG = Logger.getLogger(BackgroundWork.class.getName());
    private static final Duration WORTH_LOGGING = Duration.ofSeconds(1);
    /** Work of a background job between two looks at the requests, and the longest it then gives way to them. */
    private static final long WORK_NANOS = 20_000_000L;
    private static final long GIVE_WAY_NANOS = 30_000_000L;
    private static final ThreadLocal<long[]> ON_BACKGROUND_THREAD = new ThreadLocal<>();

    @Resource(lookup = "concurrent/background")
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "BACKGROUND_THREADS", defaultValue = "1")
    int threads;

    @Inject
    MetricRegistry metrics;

    private final AtomicInteger unfinished = new AtomicInteger();

    @PostConstruct
    void countUnfinished() {
        metrics.gauge(Metadata.builder().withName("background_jobs")
                .withDescription("Background jobs waiting for their turn or running").build(), unfinished, AtomicInteger::get);
    }

    /** The threads background work may use at once, for work that splits itself into parallel parts. */
    public int threads() {
        return Math.max(1, threads);
    }

    /** The job's answer once it has run on the background executor; what it throws is thrown here. */
    public <T> T run(String job, Supplier<T> work) {
        if (ON_BACKGROUND_THREAD.get() != null) {
            return work.get(); // queued behind itself, a job asked for by a job would wait forever
        }
        long queued = System.nanoTime();
        unfinished.incrementAndGet();
        Future<T> run;
        try {
            run = executor.submit(() -> timed(job, queued, work));
        } catch (RuntimeException refused) {
            unfinished.decrementAndGet();
            throw refused;
        }
        try {
            return RequestsInFlight.notCountedDuring(() -> answer(job, run));
        } finally {
            unfinished.decrementAndGet();
        }
    }

    private static <T> T answer(String job, Future<T> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            run.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(job + " was interrupted", e);
        } catch (CancellationException e) {
            throw new IllegalStateException(job + " was cancelled (the server is stopping)", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(job + " failed", e.getCause());
        }
    }

    public void run(String job, Runnable work) {
        run(job, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Long work calls this between its small steps (a row, a slice, a batch): on a background thread that has worked
     * WORK_NANOS since it last gave way, it waits while requests are being answered, up to GIVE_WAY_NANOS, so that on
     * a small machine requests find the cores and the database free; under steady load a job still gets about 40% of
     * its time. Anywhere else it returns at once.
     */
    public static void giveWayToRequests() {
        long[] lastGaveWay = ON_BACKGROUND_THREAD.get();
        if (lastGaveWay == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastGaveWay[0] < WORK_NANOS) {
            return;
        }
        long until = now + GIVE_WAY_NANOS;
        while (RequestsInFlight.count() > 0 && System.nanoTime() < until) {
            LockSupport.parkNanos(1_000_000L);
        }
        lastGaveWay[0] = System.nanoTime();
    }

    /** The work, run on this thread as a background job's: it gives way to requests. */
    static <T> T asBackgroundJob(Supplier<T> work) {
        ON_BACKGROUND_THREAD.set(new long[] {System.nanoTime()});
        try {
            return work.get();
        } finally {
            ON_BACKGROUND_THREAD.remove();
        }
    }

    private <T> T timed(String job, long queued, Supplier<T> work) {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            T answer = asBackgroundJob(work);
            outcome = "finished";
            return answer;
        } finally {
            Duration ran = Duration.ofNanos(System.nanoTime() - started);
            metrics.timer("background_job", new Tag("job", job)).update(ran);
            String end = outcome;
            LOG.log(ran.compareTo(WORTH_LOGGING) >= 0 ? Level.INFO : Level.FINE, () -> String.format(
                    "Background job %s: %s, started %s, ran %.1f s (waited %.1f s for its turn)", end, job,
                    LocalTime.now().minus(ran).truncatedTo(ChronoUnit.SECONDS), ran.toMillis() / 1e3,
                    (started - queued) / 1e9));
        }
    }
}
