package com.ecommerce.analytics.platform.errors;

final class Causes {

    private Causes() {
    }

    static boolean include(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
