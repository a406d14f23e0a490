package com.ecommerce.analytics.customermodels.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's RFM scores (1-5) and segment (see GET /api/analytics/segments/). */
@Schema(name = "CustomerSegment")
public record CustomerSegment(String segment, int recency, int frequency, int monetary) {

    public static CustomerSegment of(RfmScores.Scored scored) {
        return new CustomerSegment(scored.segment().code(), scored.recency(), scored.frequency(), scored.monetary());
    }
}
