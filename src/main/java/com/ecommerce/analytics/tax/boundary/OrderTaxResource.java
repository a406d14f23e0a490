package com.ecommerce.analytics.tax.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.security.entity.Role;
import com.ecommerce.analytics.tax.control.OrderTax;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("api/order/{id}/tax")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tax")
public class OrderTaxResource {

    @Inject
    OrderTax tax;

    @GET
    @Operation(operationId = "getOrderTax",
            summary = "The tax of an order", description = "At the rate of the country the order was sold to (or "
            + "the DEFAULT rate), on the total less refunds; rounded half up to the cent once per order.")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponseSchema(value = OrderTax.Bill.class, responseCode = "200", responseDescription = "Found")
    public OrderTax.Bill of(@PathParam("id") long id) {
        return tax.of(id);
    }
}
