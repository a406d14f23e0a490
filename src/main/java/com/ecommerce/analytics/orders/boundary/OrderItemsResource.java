package com.ecommerce.analytics.orders.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.orders.boundary.OrderView.ItemView;
import com.ecommerce.analytics.orders.control.LineInput;
import com.ecommerce.analytics.orders.control.OrderLines;
import com.ecommerce.analytics.orders.control.Orders;
import com.ecommerce.analytics.platform.database.WriteRetries;
import com.ecommerce.analytics.platform.rest.Created;
import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.platform.rest.MergePatch;
import com.ecommerce.analytics.platform.rest.PageParams;
import com.ecommerce.analytics.platform.rest.PagedResponse;
import com.ecommerce.analytics.platform.rest.RequestValidation;
import com.ecommerce.analytics.platform.rest.SortOrder;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("api/order-items")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderItemsResource {

    @Inject
    Orders orders;

    @Inject
    OrderLines lines;

    @Inject
    RequestValidation validation;

    @Inject
    WriteRetries retries;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(summary = "List order lines")
    @APIResponse(responseCode = "200", description = "One page of order lines, with X-Total-Count and Link headers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ItemView.class)))
    public Response list(@BeanParam PageParams paging,
                         @QueryParam("order") @Parameter(description = "Only this order's lines") Long order,
                         @QueryParam("product") @Parameter(description = "Only lines of this product") Long product,
                         @QueryParam("ordering") @Parameter(description = "id, order, product, quantity or "
                                 + "price_at_time_of_order; '-' for descending") String ordering,
                         @Context UriInfo uri) {
        var page = orders.items(order, product, SortOrder.parse(ordering, Orders.ITEM_ORDERING), paging.toRequest());
        return PagedResponse.of(page.map(ItemView::of), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an order line")
    @APIResponse(responseCode = "404", description = "No such line")
    @APIResponseSchema(value = ItemView.class, responseCode = "200", responseDescription = "Found")
    public ItemView get(@PathParam("id") long id) {
        return ItemView.of(orders.item(id));
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(operationId = "addOrderItem",
            summary = "Add a line to a pending order", description = "Reserves its stock and updates the order's total.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = ItemView.class)))
    @APIResponse(responseCode = "409", description = "The order is not pending, already has the product, or stock is short")
    @APIResponse(responseCode = "422", description = "The line: " + OrdersResource.TOTAL_TOO_LARGE)
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    public Response add(@NotNull @Valid LineInput input, @Context UriInfo uri) {
        ItemView added = retries.call(() -> ItemView.of(lines.add(input)));
        return Created.at(uri, OrderItemsResource.class, added.id(), added);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Change a pending order's line", description = "Stock follows the new quantity.")
    @APIResponse(responseCode = "404", description = "No such line")
    @APIResponse(responseCode = "409", description = "The order is not pending, or stock is short")
    @APIResponse(responseCode = "422", description = "The new quantity: " + OrdersResource.TOTAL_TOO_LARGE)
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    @APIResponseSchema(value = ItemView.class, responseCode = "200", responseDescription = "As stored now")
    public ItemView replace(@PathParam("id") long id, @NotNull @Valid LineInput input) {
        return retries.call(() -> ItemView.of(lines.change(id, input)));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a pending order's line (partial)")
    @APIResponse(responseCode = "409", description = "The order is not pending, or stock is short")
    @APIResponse(responseCode = "422", description = "The new quantity: " + OrdersResource.TOTAL_TOO_LARGE)
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    @APIResponseSchema(value = ItemView.class, responseCode = "200", responseDescription = "As stored now")
    public ItemView update(@PathParam("id") long id, @NotNull JsonObject patch) {
        return retries.call(() -> {
            LineInput merged = validation.check(MergePatch.apply(patch, LineInput.of(orders.item(id)), LineInput.class));
            return ItemView.of(lines.change(id, merged));
        });
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Remove a line from a pending order", description = "Its stock returns.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The order is not pending, or this is its last line")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    public Response remove(@PathParam("id") long id) {
        retries.run(() -> lines.remove(id));
        return Response.noContent().build();
    }
}
