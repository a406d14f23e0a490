package com.ecommerce.analytics.analytics.boundary;

import java.util.List;

import com.ecommerce.analytics.analytics.repair.AggregatesStatus;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * While the sales aggregates catch up after a start (a new schema, another STORE_TIMEZONE), every figure read
 * from them says so in the Analytics-Recomputing header, so that a client knows a number may still change.
 */
@Provider
public class AggregatesStatusHeader implements ContainerResponseFilter {

    static final String HEADER = "Analytics-Recomputing";
    private static final List<String> FROM_AGGREGATES = List.of("api/analytics/", "api/customer/", "api/export-sales/");

    @Inject
    AggregatesStatus status;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (FROM_AGGREGATES.stream().anyMatch(relative::startsWith) && status.isCatchingUp()) {
            response.getHeaders().putSingle(HEADER, "true");
        }
    }
}
