package com.ecommerce.analytics.platform.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.ecommerce.analytics.security.control.Users;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Writes the demo dataset into an empty database, in one transaction, with batched JDBC:
 * thirty thousand orders through JPA one by one would keep the first start waiting for minutes.
 */
@Stateless
public class DemoData {

    public static final String DEMO_ADMIN = "demo";
    public static final String DEMO_ADMIN_PASSWORD = "demo-password";
    public static final String DEMO_ANALYST = "analyst";
    public static final String DEMO_ANALYST_PASSWORD = "analyst-password";

    public static final long SEED = 20_240_601L;
    public static final int CUSTOMERS = 3_000;
    public static final int ORDERS = 30_000;
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    @Inject
    Users users;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void seedIfEmpty() {
        users.ensure(DEMO_ADMIN, DEMO_ADMIN_PASSWORD, Role.ADMIN);
        users.ensure(DEMO_ANALYST, DEMO_ANALYST_PASSWORD, Role.ANALYST);
        try (Connection db = dataSource.getConnection()) {
            if (DemoWriter.count(db, "SELECT COUNT(*) FROM product") > 0) {
                return;
            }
            long started = System.nanoTime();
            DemoDataset data = DemoDataset.generate(SEED, Instant.now().truncatedTo(ChronoUnit.SECONDS), CUSTOMERS, ORDERS);
            DemoWriter.write(db, data);
            LOG.info(() -> String.format("Seeded demo data: %d products, %d customers, %d orders, %d refunds in %d ms",
                    data.products().size(), data.customers().size(), data.orders().size(), data.refunds().size(),
                    (System.nanoTime() - started) / 1_000_000));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seed the demo data", e);
        }
    }
}
