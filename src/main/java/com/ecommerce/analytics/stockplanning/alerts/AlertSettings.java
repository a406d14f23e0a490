package com.ecommerce.analytics.stockplanning.alerts;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Where and how alerts go out; checked at start, so that a webhook without a secret never sends unsigned. */
@ApplicationScoped
public class AlertSettings {

    @Inject
    @ConfigProperty(name = "ALERT_WEBHOOK_URL")
    Optional<String> webhookUrl;

    @Inject
    @ConfigProperty(name = "ALERT_WEBHOOK_SECRET")
    Optional<String> webhookSecret;

    @Inject
    @ConfigProperty(name = "ALERT_WEBHOOK_MAX_ATTEMPTS", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "ALERT_WEBHOOK_RETRY_SECONDS", defaultValue = "30")
    int retrySeconds;

    @Inject
    @ConfigProperty(name = "ALERT_CHECK_SECONDS", defaultValue = "60")
    int checkSeconds;

    @PostConstruct
    void check() {
        webhook().ifPresent(url -> {
            if (!url.getScheme().equals("http") && !url.getScheme().equals("https")) {
                throw new IllegalStateException("ALERT_WEBHOOK_URL must be an http or https address");
            }
            if (secret().isEmpty()) {
                throw new IllegalStateException("ALERT_WEBHOOK_URL needs ALERT_WEBHOOK_SECRET to sign what it sends");
            }
        });
        if (maxAttempts < 1 || retrySeconds < 1 || checkSeconds < 1) {
            throw new IllegalStateException("ALERT_WEBHOOK_MAX_ATTEMPTS, ALERT_WEBHOOK_RETRY_SECONDS and "
                    + "ALERT_CHECK_SECONDS must be 1 or more");
        }
    }

    public Optional<URI> webhook() {
        return webhookUrl.filter(url -> !url.isBlank()).map(url -> URI.create(url.trim()));
    }

    Optional<String> secret() {
        return webhookSecret.filter(secret -> !secret.isBlank());
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /** The wait before attempt n + 1 after n failed: the retry period, doubled after each failure. */
    Duration backoffAfter(int failedAttempts) {
        return Duration.ofSeconds((long) retrySeconds << Math.min(failedAttempts - 1, 20));
    }

    Duration checkPeriod() {
        return Duration.ofSeconds(checkSeconds);
    }
}
