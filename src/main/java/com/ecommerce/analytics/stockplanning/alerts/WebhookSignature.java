package com.ecommerce.analytics.stockplanning.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook receiver checks: hex HMAC-SHA256, keyed with ALERT_WEBHOOK_SECRET, of the timestamp
 * (seconds since 1970, also sent in X-Signature-Timestamp), a dot and the body, so that a captured request cannot
 * be replayed later under a new timestamp (the scheme Stripe and GitHub webhooks use, with the timestamp inside).
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Signature-256";
    public static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";

    private WebhookSignature() {
    }

    /** The header's value: "sha256=" and the hex digest. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
