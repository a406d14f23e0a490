package com.ecommerce.analytics.platform.database;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** With SQL_STATEMENT_HEADER=true, every answer says in X-SQL-Statements how many statements it took. */
@Provider
public class SqlStatementHeader implements ContainerRequestFilter, ContainerResponseFilter {

    static final String HEADER = "X-SQL-Statements";

    @Inject
    @ConfigProperty(name = "SQL_STATEMENT_HEADER", defaultValue = "false")
    boolean enabled;

    @Override
    public void filter(ContainerRequestContext request) {
        SqlStatementCounter.reset();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (enabled) {
            response.getHeaders().putSingle(HEADER, SqlStatementCounter.count());
        }
    }
}
