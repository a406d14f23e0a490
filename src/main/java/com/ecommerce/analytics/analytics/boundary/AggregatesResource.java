package com.ecommerce.analytics.analytics.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.analytics.repair.SalesRebuild;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("api/analytics/rebuild")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
public class AggregatesResource {

    @Inject
    SalesRebuild rebuild;

    @POST
    @Operation(summary = "Recompute the sales aggregates from the orders", description = "Answers how many "
            + "months and rows were written and how many rows the kept-up-to-date aggregates had differently "
            + "(differences: 0 when they agreed). The server also rebuilds them as it starts when STORE_TIMEZONE has "
            + "changed.")
    public SalesRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
