package com.ecommerce.analytics.analytics.control;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.ecommerce.analytics.platform.database.StoredTime;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The store's calendar: dates in reports are days in STORE_TIMEZONE (default UTC), not in UTC. */
@ApplicationScoped
public class StoreCalendar {

    @Inject
    @ConfigProperty(name = "STORE_TIMEZONE", defaultValue = "UTC")
    String timeZone;

    private ZoneId zone;

    @PostConstruct
    void resolve() {
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalStateException("STORE_TIMEZONE '" + timeZone + "' is not a time zone such as Europe/Berlin", e);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return dayOf(StoredTime.now());
    }

    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
