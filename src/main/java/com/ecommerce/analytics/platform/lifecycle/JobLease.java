package com.ecommerce.analytics.platform.lifecycle;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One run of a job at a time across every instance of the service: the job's row in job_lease names its holder until a
 * time a few minutes ahead, renewed in the background while the work runs and released when it ends. An instance that
 * dies mid-run stops renewing, and the lease lapses within {@link #TERM}. A conditional UPDATE is certified by Galera
 * like any write, so this holds on a cluster whichever node each instance writes to; a row lock would not.
 */
@ApplicationScoped
public class JobLease {

    static final Duration TERM = Duration.ofMinutes(2);
    private static final Duration RENEW_EVERY = TERM.dividedBy(4);
    private static final Logger LOG = Logger.getLogger(JobLease.class.getName());

    @Inject
    JobLeaseRows rows;

    @Resource
    ManagedScheduledExecutorService renewals;

    /** The job's lease for this run, or empty while another run (here or on another instance) holds it. */
    public Optional<Held> claim(String job) {
        String holder = UUID.randomUUID().toString();
        if (!rows.claim(job, holder, untilFromNow())) {
            return Optional.empty();
        }
        ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(() -> renew(job, holder), RENEW_EVERY.toMillis(),
                RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(new Held(job, holder, renewal));
    }

    public boolean isHeld(String job) {
        return rows.isHeld(job);
    }

    private void renew(String job, String holder) {
        try {
            if (!rows.claim(job, holder, untilFromNow())) {
                LOG.warning(() -> "The lease of " + job + " lapsed while its run went on; another run may start");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot renew the lease of " + job + "; trying again in " + RENEW_EVERY, e);
        }
    }

    private static long untilFromNow() {
        return System.currentTimeMillis() + TERM.toMillis();
    }

    /** A claimed lease: closing it stops the renewals and frees the job for the next run. */
    public final class Held implements AutoCloseable {

        private final String job;
        private final String holder;
        private final ScheduledFuture<?> renewal;

        private Held(String job, String holder, ScheduledFuture<?> renewal) {
            this.job = job;
            this.holder = holder;
            this.renewal = renewal;
        }

        @Override
        public void close() {
            renewal.cancel(false);
            try {
                rows.release(job, holder);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot release the lease of " + job + "; it lapses within " + TERM, e);
            }
        }
    }
}
