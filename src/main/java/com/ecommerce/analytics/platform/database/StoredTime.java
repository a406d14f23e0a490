package com.ecommerce.analytics.platform.database;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current instant at the precision the database keeps (see UtcInstantConverter). */
public final class StoredTime {

    private StoredTime() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
