package com.ecommerce.analytics.platform;

import java.util.Optional;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.ecommerce.analytics.platform.demo.DemoData;
import com.ecommerce.analytics.security.control.Users;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * After the schema is current: the first admin from ADMIN_USERNAME/ADMIN_PASSWORD, the demo data where
 * DEMO_DATA asks for it (by default only on the embedded database). Nothing proportional to the data runs
 * here: the sales aggregates catch up in the background (SalesCatchUp).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class PlatformBootstrap {

    private static final Logger LOG = Logger.getLogger(PlatformBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "DATABASE_ENGINE", defaultValue = "h2")
    String databaseEngine;

    @Inject
    @ConfigProperty(name = "DEMO_DATA")
    Optional<Boolean> demoData;

    @Inject
    @ConfigProperty(name = "ADMIN_USERNAME")
    Optional<String> adminUsername;

    @Inject
    @ConfigProperty(name = "ADMIN_PASSWORD")
    Optional<String> adminPassword;

    @Inject
    Users users;

    @Inject
    DemoData demo;

    @PostConstruct
    void prepare() {
        if (adminUsername.isPresent() && adminPassword.isPresent()) {
            users.ensure(adminUsername.get(), adminPassword.get(), Role.ADMIN);
        }
        if (demoData.orElse(isEmbedded())) {
            demo.seedIfEmpty();
        }
        if (users.count() == 0) {
            LOG.warning("No user can log in: set ADMIN_USERNAME and ADMIN_PASSWORD to create the first admin.");
        }
    }

    private boolean isEmbedded() {
        return "h2".equalsIgnoreCase(databaseEngine);
    }
}
