package com.ecommerce.analytics.stockplanning.alerts;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A product's crossing into at_risk or stock_out, as the stock watch saw it, and its webhook delivery. */
@Schema(name = "InventoryAlert")
public record InventoryAlert(
        long id, long product, String sku, String name,
        @Schema(enumeration = {"at_risk", "stock_out"}) String kind,
        @Schema(description = "The status before the crossing; null for a product first seen in it") String previousStatus,
        long onHand, long reorderPoint, long reorderQuantity, Double daysOfCover, LocalDate stockoutDate,
        Instant raisedAt,
        @Schema(description = "not_configured (no ALERT_WEBHOOK_URL), pending, delivered, or failed after "
                + "ALERT_WEBHOOK_MAX_ATTEMPTS", enumeration = {"not_configured", "pending", "delivered", "failed"})
        String delivery,
        @Schema(description = "Webhook calls made so far") int attempts,
        @Schema(description = "When the next call is due, while pending") Instant nextAttemptAt,
        Instant deliveredAt,
        @Schema(description = "Why the last call failed: the receiver's status or the network error") String lastError) {

    /** What the webhook receives: the alert without its delivery state, which the receiver cannot use. */
    public record Message(long id, String event, long product, String sku, String name, String kind,
                          String previousStatus, long onHand, long reorderPoint, long reorderQuantity,
                          Double daysOfCover, LocalDate stockoutDate, Instant raisedAt) {
    }

    Message message() {
        return new Message(id, "inventory." + kind, product, sku, name, kind, previousStatus, onHand, reorderPoint,
                reorderQuantity, daysOfCover, stockoutDate, raisedAt);
    }
}
