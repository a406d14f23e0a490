package com.ecommerce.analytics.analytics.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
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
    @Operation(summary = "Check the sales aggregates against the orders and repair them", description = "Compares "
            + "every month's aggregates with its orders in one consistent read and adds what they differ by, while "
            + "orders go on being placed; answers the months and rows compared and how many rows differed "
            + "(differences: 0 when the bookkeeping is right). One rebuild runs at a time: a second request waits "
            + "for the running one (up to ten minutes, then 409). After a start with another STORE_TIMEZONE the "
            + "server repairs them in the background, and analytics answers carry Analytics-Recomputing: true "
            + "until it is done.")
    @APIResponse(responseCode = "409", description = "Another rebuild kept running for over ten minutes")
    @APIResponseSchema(value = SalesRebuild.Result.class, responseCode = "200",
            responseDescription = "The repair's counts")
    public SalesRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
