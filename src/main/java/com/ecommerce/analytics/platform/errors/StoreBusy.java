package com.ecommerce.analytics.platform.errors;

import jakarta.ws.rs.core.Response.Status;

/**
 * The database kept meeting other transactions' locks (deadlock or lock wait timeout) and rolled the
 * change back; the same request is likely to succeed a moment later.
 */
public class StoreBusy extends ApiException {

    /** Seconds a client should wait before sending the request again. */
    static final int RETRY_AFTER_SECONDS = 1;

    public StoreBusy(Throwable lockConflict) {
        super(Status.SERVICE_UNAVAILABLE, "The store is busy with other changes to the same data and this change "
                + "was rolled back; send the request again in a moment.", RETRY_AFTER_SECONDS);
        initCause(lockConflict);
    }
}
