package com.ecommerce.analytics.stockplanning.alerts;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.json.JsonbConfiguration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Sends each pending alert to ALERT_WEBHOOK_URL as a signed JSON POST (WebhookSignature) and retries a failed call
 * after ALERT_WEBHOOK_RETRY_SECONDS, doubling the wait each time, up to ALERT_WEBHOOK_MAX_ATTEMPTS calls. Each
 * call first takes the alert with a conditional update, so two instances never send the same one at once; a
 * receiver that answered 2xx but whose answer was lost sees the alert again, with the same X-Alert-Id.
 */
@Singleton
@Startup
@DependsOn("PlatformBootstrap")
@Lock(LockType.READ)
public class AlertDelivery {

    public static final String ALERT_ID_HEADER = "X-Alert-Id";
    private static final Logger LOG = Logger.getLogger(AlertDelivery.class.getName());
    private static final Duration POLL = Duration.ofSeconds(1);
    /** Longer than a call may take (connect and read timeouts), so a taken alert is not taken twice. */
    private static final Duration CLAIM = Duration.ofSeconds(60);
    private static final int BATCH = 50;
    private final AtomicBoolean running = new AtomicBoolean();

    @Resource
    TimerService timers;

    @Inject
    AlertSettings settings;

    @Inject
    AlertStore store;

    @Inject
    MetricRegistry metrics;

    private Client client;

    @PostConstruct
    void schedule() {
        if (settings.webhook().isEmpty()) {
            return;
        }
        client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(15, TimeUnit.SECONDS).build();
        timers.createIntervalTimer(POLL.toMillis(), POLL.toMillis(), new TimerConfig(null, false));
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void deliverDue() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (InventoryAlert alert : store.due(StoredTime.now(), BATCH)) {
                if (store.claim(alert, StoredTime.now().plus(CLAIM))) {
                    send(alert);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Alert delivery failed; it tries again in " + POLL, e);
        } finally {
            running.set(false);
        }
    }

    private void send(InventoryAlert alert) {
        URI url = settings.webhook().orElseThrow();
        String body = JsonbConfiguration.JSONB.toJson(alert.message());
        long timestamp = Instant.now().getEpochSecond();
        String error;
        try (Response answer = client.target(url).request()
                .header(ALERT_ID_HEADER, alert.id())
                .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
                .header(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(settings.secret().orElseThrow(), timestamp, body))
                .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")))) {
            if (answer.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
                store.delivered(alert, StoredTime.now());
                count("delivered");
                return;
            }
            error = "the receiver answered " + answer.getStatus();
        } catch (ProcessingException e) {
            error = "cannot reach the receiver: " + e.getMessage();
        }
        int failed = alert.attempts() + 1;
        Instant next = failed >= settings.maxAttempts() ? null : StoredTime.now().plus(settings.backoffAfter(failed));
        store.failed(alert, error, next);
        count(next == null ? "failed" : "retried");
        String reason = error;
        LOG.log(next == null ? Level.WARNING : Level.INFO, () -> "Alert " + alert.id() + " not delivered (" + reason
                + ")" + (next == null ? "; given up after " + failed + " calls" : "; next call at " + next));
    }

    private void count(String outcome) {
        metrics.counter("inventory_alert_webhook_calls", new Tag("outcome", outcome)).inc();
    }
}
