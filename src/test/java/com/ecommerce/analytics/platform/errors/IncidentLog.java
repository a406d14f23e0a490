package com.ecommerce.analytics.platform.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The lines logged for incidents during one test, kept instead of printed. */
final class IncidentLog extends Handler implements BeforeEachCallback, AfterEachCallback {

    private final Logger incidents = Logger.getLogger(Incident.class.getName());
    private final List<LogRecord> lines = new ArrayList<>();

    List<LogRecord> lines() {
        return lines;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.clear();
        incidents.addHandler(this);
        incidents.setUseParentHandlers(false);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        incidents.removeHandler(this);
        incidents.setUseParentHandlers(true);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
