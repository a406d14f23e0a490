package com.ecommerce.analytics.analytics.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.analytics.control.CustomerValue;
import com.ecommerce.analytics.platform.docs.OpenApiConventions;
import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.platform.rest.Revalidated;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Revalidated
@Path("api/customer/{id}/clv")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
public class CustomerValueResource {

    @Inject
    CustomerValue value;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Extension(name = OpenApiConventions.REVALIDATED, value = "true")
    @Operation(operationId = "getCustomerLifetimeValue",
            summary = "Customer lifetime value", description = "Net spend over orders not canceled, less refunds, "
            + "with order count, average order value and first and last order dates.")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponseSchema(value = CustomerValue.Clv.class, responseCode = "200", responseDescription = "Found")
    public CustomerValue.Clv clv(@PathParam("id") long id) {
        return value.of(id);
    }
}
