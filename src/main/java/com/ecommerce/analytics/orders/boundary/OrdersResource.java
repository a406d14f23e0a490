package com.ecommerce.analytics.orders.boundary;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.orders.control.IdempotencyKeys;
import com.ecommerce.analytics.orders.control.IdempotentOrders;
import com.ecommerce.analytics.orders.control.NewOrder;
import com.ecommerce.analytics.orders.control.OrderChange;
import com.ecommerce.analytics.orders.control.OrderPlacement;
import com.ecommerce.analytics.orders.control.Orders;
import com.ecommerce.analytics.orders.entity.OrderStatus;
import com.ecommerce.analytics.platform.database.WriteRetries;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.json.JsonbConfiguration;
import com.ecommerce.analytics.platform.rest.Created;
import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.platform.rest.MergePatch;
import com.ecommerce.analytics.platform.rest.PageParams;
import com.ecommerce.analytics.platform.rest.PagedResponse;
import com.ecommerce.analytics.platform.rest.QueryValues;
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
import jakarta.ws.rs.HeaderParam;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

@Path("api/orders")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "Orders with their items; placing one reserves its stock in the same transaction")
public class OrdersResource {

    static final String TOTAL_TOO_LARGE = "the order's total would exceed 9,999,999,999.99, the largest amount stored";

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    Orders orders;

    @Inject
    OrderPlacement placement;

    @Inject
    IdempotentOrders idempotentOrders;

    @Inject
    RequestValidation validation;

    @Inject
    WriteRetries retries;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(summary = "List orders with their items")
    @APIResponse(responseCode = "200", description = "One page of orders, with X-Total-Count and Link headers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Bad paging, dates, status or ordering")
    public Response list(@BeanParam PageParams paging,
                         @QueryParam("customer") @Parameter(description = "Only this customer's orders") Long customer,
                         @QueryParam("status") @Parameter(description = "One status or several, comma-separated: "
                                 + "pending, shipped, delivered, canceled", example = "pending,shipped") String status,
                         @QueryParam("start_date") @Parameter(description = "First day, YYYY-MM-DD (UTC)",
                                 schema = @Schema(type = SchemaType.STRING, format = "date")) String startDate,
                         @QueryParam("end_date") @Parameter(description = "Last day, YYYY-MM-DD, inclusive (UTC)",
                                 schema = @Schema(type = SchemaType.STRING, format = "date")) String endDate,
                         @QueryParam("ordering") @Parameter(description = "id, order_date, total_amount, status, customer")
                         String ordering,
                         @Context UriInfo uri) {
        LocalDate from = QueryValues.date("start_date", startDate);
        LocalDate to = QueryValues.date("end_date", endDate);
        if (from != null && to != null && from.isAfter(to)) {
            throw InvalidRequest.field("start_date", "must not be after end_date");
        }
        var filter = new Orders.Filter(customer, statuses(status),
                from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        var page = orders.list(filter, SortOrder.parse(ordering, Orders.ORDERING), paging.toRequest());
        return PagedResponse.of(page.map(OrderView::of), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an order with its items")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponseSchema(value = OrderView.class, responseCode = "200", responseDescription = "Found")
    public OrderView get(@PathParam("id") long id) {
        return OrderView.of(orders.view(id));
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(operationId = "placeOrder",
            summary = "Place an order", description = "Prices come from the catalog unless unit_price is given; "
            + "the total is computed; stock for every item is reserved in the same transaction. With an "
            + "Idempotency-Key header, a retry with the same body gets the first answer and places nothing.")
    @APIResponse(responseCode = "201", description = "Placed",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown customer or product, inactive product")
    @APIResponse(responseCode = "409", description = "Not enough stock: every short product and what is available")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body, or "
            + OrdersResource.TOTAL_TOO_LARGE)
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    public Response place(@NotNull @Valid NewOrder input,
                          @HeaderParam(IDEMPOTENCY_KEY) @Parameter(description = "Any unique string, up to 255 characters")
                          String idempotencyKey,
                          @Context SecurityContext security, @Context UriInfo uri) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            OrderView placed = retries.call(() -> OrderView.of(placement.place(input)));
            return Created.at(uri, OrdersResource.class, placed.id(), placed);
        }
        if (idempotencyKey.length() > 255) {
            throw new InvalidRequest(IDEMPOTENCY_KEY + " must be at most 255 characters.");
        }
        var key = IdempotencyKeys.Key.of(security.getUserPrincipal().getName(), idempotencyKey,
                JsonbConfiguration.JSONB.toJson(input));
        // Safe to redo whole: a deadlocked placement stored neither the order nor the answer, so the next
        // attempt replays an answer only if a racing request with the same key has stored one meanwhile.
        var answer = retries.call(() -> idempotentOrders.place(input, key,
                order -> JsonbConfiguration.JSONB.toJson(OrderView.of(order))));
        OrderView placed = JsonbConfiguration.JSONB.fromJson(answer.body(), OrderView.class);
        return Response.fromResponse(Created.at(uri, OrdersResource.class, placed.id(), answer.body()))
                .status(answer.status())
                .header("Idempotent-Replayed", answer.replayed())
                .build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Change an order's status or date", description = "pending -> shipped -> delivered; "
            + "pending or shipped -> canceled (stock returns); canceled -> pending (stock is taken again). "
            + "Customer and items of a placed order do not change.")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "Transition not allowed, or not enough stock to reopen")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    @APIResponseSchema(value = OrderView.class, responseCode = "200", responseDescription = "As stored now")
    public OrderView replace(@PathParam("id") long id, @NotNull @Valid OrderChange change) {
        return retries.call(() -> OrderView.of(placement.change(id, change)));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change an order's status or date (partial)")
    @APIResponse(responseCode = "409", description = "Transition not allowed, or not enough stock to reopen")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    @APIResponseSchema(value = OrderView.class, responseCode = "200", responseDescription = "As stored now")
    public OrderView update(@PathParam("id") long id, @NotNull JsonObject patch) {
        return retries.call(() -> {
            OrderChange merged = validation.check(
                    MergePatch.apply(patch, OrderChange.of(orders.find(id)), OrderChange.class));
            return OrderView.of(placement.change(id, merged));
        });
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Delete a pending order entered by mistake", description = "Its stock returns. Orders "
            + "that were shipped, delivered, canceled or refunded are sales history and stay (cancel instead).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "The order is past pending or has refunds")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    public Response delete(@PathParam("id") long id) {
        retries.run(() -> placement.remove(id));
        return Response.noContent().build();
    }

    private static List<OrderStatus> statuses(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split(",")).map(String::trim).map(code -> OrderStatus.fromCode(code).orElseThrow(() ->
                InvalidRequest.field("status", "'" + code + "' is not one of pending, shipped, delivered, canceled"))).toList();
    }
}
