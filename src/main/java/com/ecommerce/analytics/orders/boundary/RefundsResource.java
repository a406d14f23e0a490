package com.ecommerce.analytics.orders.boundary;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.orders.control.RefundInput;
import com.ecommerce.analytics.orders.control.Refunds;
import com.ecommerce.analytics.orders.entity.Refund;
import com.ecommerce.analytics.orders.entity.RefundItem;
import com.ecommerce.analytics.platform.database.WriteRetries;
import com.ecommerce.analytics.platform.money.InStoreCurrency;
import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("api/orders/{order}/refunds")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class RefundsResource {

    public record RefundView(long id, long order, Instant refundDate, BigDecimal amount, boolean restocked, String reason,
                             List<LineView> items, Instant createdAt) implements InStoreCurrency {
        static RefundView of(Refund refund) {
            return new RefundView(refund.getId(), refund.getOrder().getId(), refund.getRefundDate(), refund.getAmount(),
                    refund.isRestocked(), refund.getReason(), refund.getItems().stream().map(LineView::of).toList(),
                    refund.getCreatedAt());
        }
    }

    public record LineView(long orderItem, long product, int quantity, BigDecimal amount) {
        static LineView of(RefundItem item) {
            return new LineView(item.getOrderItem().getId(), item.getOrderItem().productId(), item.getQuantity(),
                    item.getAmount());
        }
    }

    @Inject
    Refunds refunds;

    @Inject
    WriteRetries retries;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(summary = "List an order's refunds", description = "Every refund of the order, oldest first, each with "
            + "its lines; 404 when there is no such order.")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponseSchema(value = RefundView[].class, responseCode = "200", responseDescription = "The list")
    public List<RefundView> list(@PathParam("order") long order) {
        return refunds.of(order).stream().map(RefundView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getRefund", summary = "Get one refund of an order")
    @APIResponse(responseCode = "404", description = "No such order, or no such refund of it")
    @APIResponseSchema(value = RefundView.class, responseCode = "200", responseDescription = "Found")
    public RefundView get(@PathParam("order") long order, @PathParam("id") long id) {
        return RefundView.of(refunds.one(order, id));
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(operationId = "refundOrder",
            summary = "Refund units of an order", description = "Dated now unless refund_date is given; never more "
            + "than was bought; restock: true puts the units back into inventory. The order itself is not edited.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields or a product the order does not have")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "More than is left to refund, or the order is canceled")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    public Response refund(@PathParam("order") long order, @NotNull @Valid RefundInput input, @Context UriInfo uri) {
        RefundView created = retries.call(() -> RefundView.of(refunds.refund(order, input)));
        URI location = uri.getBaseUriBuilder().path(RefundsResource.class).path(created.id() + "/").build(order);
        return Response.created(location).entity(created).build();
    }
}
