package com.ecommerce.analytics.platform.errors;

/** Looks through a failure's chain of causes. */
public final class Causes {

    private Causes() {
    }

    public static boolean include(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
