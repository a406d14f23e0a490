package com.ecommerce.analytics.platform.database;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Searches every failure a database failure carries: its causes, and the other links wrappers keep beside the cause.
 * EclipseLink keeps the driver's exception as its internal exception, a resource adapter as the linked exception of a
 * ResourceException, a batch as the next exception. Named, not imported: Liberty shows the application only part of
 * EclipseLink, and its exceptions package is not in it (a reference to DatabaseException fails with
 * NoClassDefFoundError); the Connectors API may be missing from it too.
 */
final class FailureCauses {

    private static final Map<String, String> OTHER_LINKS = Map.of(
            "org.eclipse.persistence.exceptions.EclipseLinkException", "getInternalException",
            "jakarta.resource.ResourceException", "getLinkedException",
            "javax.resource.ResourceException", "getLinkedException");

    private FailureCauses() {
    }

    static boolean anyMatch(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable current = pending.pop();
            if (!seen.add(current)) {
                continue;
            }
            if (test.test(current)) {
                return true;
            }
            push(current.getCause(), pending);
            push(otherLink(current), pending);
            if (current instanceof SQLException sql) {
                push(sql.getNextException(), pending);
            }
        }
        return false;
    }

    private static Throwable otherLink(Throwable failure) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            String accessor = OTHER_LINKS.get(type.getName());
            if (accessor != null) {
                try {
                    return (Throwable) type.getMethod(accessor).invoke(failure);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void push(Throwable failure, Deque<Throwable> pending) {
        if (failure != null) {
            pending.push(failure);
        }
    }
}
