package com.ecommerce.analytics.imports.control;

import java.util.concurrent.atomic.AtomicBoolean;

import com.ecommerce.analytics.platform.errors.Conflict;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One import at a time on an instance: two imports of overlapping files would race to create the same
 * invoices. (Across instances the unique external references refuse the second writer's batch.)
 */
@ApplicationScoped
public class RunningImport {

    private final AtomicBoolean running = new AtomicBoolean();

    public void start() {
        if (!running.compareAndSet(false, true)) {
            throw new Conflict("Another import is running; try again when it has finished.");
        }
    }

    public void finish() {
        running.set(false);
    }
}
