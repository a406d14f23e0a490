package com.ecommerce.analytics.analytics.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.ecommerce.analytics.analytics.control.Measures;
import com.ecommerce.analytics.analytics.control.NativeQueries;
import com.ecommerce.analytics.analytics.control.PeriodCover;
import com.ecommerce.analytics.analytics.control.SqlValues;
import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.analytics.ledger.CustomerStatsRows;
import com.ecommerce.analytics.analytics.ledger.PendingRollups;
import com.ecommerce.analytics.analytics.ledger.SalesRows;
import com.ecommerce.analytics.analytics.ledger.SettledMonths;
import com.ecommerce.analytics.platform.database.DeadlineOnConnections;
import com.ecommerce.analytics.platform.database.InList;
import com.ecommerce.analytics.platform.database.LockConflict;
import com.ecommerce.analytics.platform.database.SessionListeners;
import com.ecommerce.analytics.platform.database.SqlStatementCounter;
import com.ecommerce.analytics.platform.database.StoredTime;
import com.ecommerce.analytics.platform.database.Transactions;
import com.ecommerce.analytics.platform.database.UtcInstantConverter;
import com.ecommerce.analytics.platform.database.WriteDeadline;
import com.ecommerce.analytics.platform.database.WriteRetries;
import com.ecommerce.analytics.platform.errors.ApiException;
import com.ecommerce.analytics.platform.errors.Conflict;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.errors.StoreBusy;
import com.ecommerce.analytics.platform.lifecycle.ServerStopping;
import com.ecommerce.analytics.platform.rest.Page;
import com.ecommerce.analytics.platform.rest.PageRequest;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Aggregates built in one store time zone are repaired when the server finds another one configured. */
@ExtendWith(ArquillianExtension.class)
class StoreTimeZoneChangeIT {

    @Deployment
    static WebArchive rebuild() {
        return ShrinkWrap.create(WebArchive.class, "store-time-zone-it.war")
                .addPackages(false, "com.ecommerce.analytics.catalog.entity", "com.ecommerce.analytics.customers.entity",
                        "com.ecommerce.analytics.orders.entity", "com.ecommerce.analytics.inventory.entity",
                        "com.ecommerce.analytics.security.entity")
                .addClasses(SalesRebuild.class, AggregateRepair.class, Corrections.class, ConsistentRead.class,
                        RebuildLease.class, CustomerStatsRepair.class, AggregatesTimeZone.class, SalesRows.class,
                        PendingRollups.class, SettledMonths.class,
                        CustomerStatsRows.class, CustomerStatsRows.CustomerStats.class, InList.class,
                        PeriodCover.class, NativeQueries.class, StoreCalendar.class, Measures.class, SqlValues.class, Transactions.class, StoredTime.class,
                        UtcInstantConverter.class, SqlStatementCounter.class, SessionListeners.class, DeadlineOnConnections.class,
                        WriteDeadline.class, InvalidRequest.class, ApiException.class,
                        Conflict.class, ServerStopping.class, Page.class, PageRequest.class,
                        WriteRetries.class, LockConflict.class, StoreBusy.class)
                .addClass("com.ecommerce.analytics.platform.database.FailureCauses")
                .addAsResource("META-INF/persistence.xml");
    }

    @Inject
    SalesRebuild rebuild;

    @Inject
    AggregatesTimeZone timeZone;

    @Inject
    Transactions transactions;

    private <T> T inTransaction(Function<EntityManager, T> work) {
        return transactions.run(work);
    }

    private Object[] latestCountryDay() {
        return inTransaction(em -> (Object[]) em.createNativeQuery("SELECT sale_date, country, SUM(orders), MIN(slot) FROM country_daily "
                + "GROUP BY sale_date, country ORDER BY sale_date DESC, country LIMIT 1").getSingleResult());
    }

    @Test
    void aggregatesFromAnotherTimeZoneAreRebuiltAtStart() {
        rebuild.rebuildIfStale();
        assertTrue(timeZone.isCurrent());
        Object[] latest = latestCountryDay();
        inTransaction(em -> em.createNativeQuery("UPDATE sales_aggregates SET store_time_zone = 'Asia/Tokyo'").executeUpdate()
                + em.createNativeQuery("UPDATE country_daily SET orders = orders + 1000 WHERE sale_date = ? AND country = ? AND slot = ?")
                .setParameter(1, latest[0]).setParameter(2, latest[1]).setParameter(3, latest[3]).executeUpdate());
        assertFalse(timeZone.isCurrent());

        rebuild.rebuildIfStale();

        assertTrue(timeZone.isCurrent());
        assertEquals(((Number) latest[2]).longValue(), ((Number) latestCountryDay()[2]).longValue(),
                "the day x country row was rebuilt");
    }
}
