package com.ecommerce.analytics.platform.database;

import com.ecommerce.analytics.platform.errors.NotFound;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Finding a record by the id in a URL: there, or 404. */
public final class Lookup {

    private Lookup() {
    }

    public static <T> T byId(EntityManager em, Class<T> type, Object id, String label) {
        return byId(em, type, id, label, LockModeType.NONE);
    }

    public static <T> T byId(EntityManager em, Class<T> type, Object id, String label, LockModeType lock) {
        T found = em.find(type, id, lock);
        if (found == null) {
            throw NotFound.of(label, id);
        }
        return found;
    }
}
