package com.ecommerce.analytics.platform.money;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An answer with amounts: it names their currency in a "currency" field, serialized from this getter. */
public interface InStoreCurrency {

    @Schema(description = "ISO 4217 code of the currency of every amount in this object (STORE_CURRENCY)",
            example = "EUR", required = true)
    default String getCurrency() {
        return StoreCurrency.code();
    }
}
