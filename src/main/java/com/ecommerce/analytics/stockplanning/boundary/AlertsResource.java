package com.ecommerce.analytics.stockplanning.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.errors.NotFound;
import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.platform.rest.PageParams;
import com.ecommerce.analytics.platform.rest.PagedResponse;
import com.ecommerce.analytics.security.entity.Role;
import com.ecommerce.analytics.stockplanning.alerts.AlertStore;
import com.ecommerce.analytics.stockplanning.alerts.InventoryAlert;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("api/alerts")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory analytics")
public class AlertsResource {

    private static final java.util.List<String> KINDS = java.util.List.of("at_risk", "stock_out");
    private static final java.util.List<String> DELIVERIES = java.util.List.of("not_configured", "pending", "delivered",
            "failed");

    @Inject
    AlertStore alerts;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(operationId = "listAlerts", summary = "Stock alerts", description = "Every crossing of a product into "
            + "at_risk or stock_out, newest first, as the stock watch saw it (every ALERT_CHECK_SECONDS, default 60, "
            + "with the inventory report's default window and horizon), and where its webhook delivery stands. A "
            + "crossing is recorded once; a product that recovers and crosses again makes a new alert.")
    @APIResponse(responseCode = "200", description = "One page of alerts, with X-Total-Count and Link headers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = InventoryAlert.class)))
    public Response list(@BeanParam PageParams paging,
                         @QueryParam("product") @Parameter(description = "Only this product's alerts") Long product,
                         @QueryParam("kind") @Parameter(description = "at_risk or stock_out",
                                 schema = @Schema(type = SchemaType.STRING, enumeration = {"at_risk", "stock_out"}))
                         String kind,
                         @QueryParam("delivery") @Parameter(description = "not_configured, pending, delivered or failed",
                                 schema = @Schema(type = SchemaType.STRING, enumeration = {"not_configured", "pending",
                                         "delivered", "failed"})) String delivery,
                         @QueryParam("ordering") @Parameter(description = "-raised_at (default, newest first) or "
                                 + "raised_at") String ordering,
                         @Context UriInfo uri) {
        boolean newestFirst = ordering == null || ordering.isBlank() || ordering.equals("-raised_at");
        if (!newestFirst && !ordering.equals("raised_at")) {
            throw InvalidRequest.field("ordering", "must be raised_at or -raised_at");
        }
        var page = alerts.list(new AlertStore.Filter(product, oneOf("kind", kind, KINDS),
                oneOf("delivery", delivery, DELIVERIES)), newestFirst, paging.toRequest());
        return PagedResponse.of(page, uri);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAlert", summary = "A stock alert")
    @APIResponse(responseCode = "404", description = "No such alert")
    @APIResponseSchema(value = InventoryAlert.class, responseCode = "200", responseDescription = "Found")
    public InventoryAlert get(@PathParam("id") long id) {
        return alerts.find(id).orElseThrow(() -> new NotFound("Alert " + id + " does not exist."));
    }

    private static String oneOf(String name, String value, java.util.List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value.trim())) {
            throw InvalidRequest.field(name, "must be one of " + String.join(", ", allowed));
        }
        return value.trim();
    }
}
