package com.ecommerce.analytics.customers.boundary;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.customers.control.CustomerInput;
import com.ecommerce.analytics.customers.control.Customers;
import com.ecommerce.analytics.customers.entity.Customer;
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
import jakarta.json.bind.annotation.JsonbPropertyOrder;
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

@Path("api/customers")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomersResource {

    /** external_reference is the customer's number in an imported file, absent for customers created here. */
    @JsonbPropertyOrder({"id", "name", "email", "country", "registrationDate", "createdAt", "updatedAt",
            "externalReference"})
    public record CustomerView(long id, String name, String email, String country, Instant registrationDate,
                               Instant createdAt, Instant updatedAt, String externalReference) {
        static CustomerView of(Customer customer) {
            return new CustomerView(customer.getId(), customer.getName(), customer.getEmail(),
                    customer.getCountry().value(), customer.getRegistrationDate(), customer.createdAt(),
                    customer.updatedAt(), customer.getExternalReference());
        }
    }

    @Inject
    Customers customers;

    @Inject
    RequestValidation validation;

    @Inject
    WriteRetries retries;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(summary = "List customers")
    @APIResponse(responseCode = "200", description = "One page of customers, with X-Total-Count and Link headers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CustomerView.class)))
    public Response list(@BeanParam PageParams paging,
                         @QueryParam("country") @Parameter(description = "ISO 3166-1 alpha-2 code or English name")
                         String country,
                         @QueryParam("email") @Parameter(description = "Exact e-mail address") String email,
                         @QueryParam("search") @Parameter(description = "Part of the name or e-mail") String search,
                         @QueryParam("ordering") @Parameter(description = "id, name, email, country, registration_date")
                         String ordering,
                         @Context UriInfo uri) {
        var page = customers.list(new Customers.Filter(country, email, search),
                SortOrder.parse(ordering, Customers.ORDERING, Customers.UNIQUE), paging.toRequest());
        return PagedResponse.of(page.map(CustomerView::of), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a customer")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponseSchema(value = CustomerView.class, responseCode = "200", responseDescription = "Found")
    public CustomerView get(@PathParam("id") long id) {
        return CustomerView.of(customers.find(id));
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Create a customer", description = "Registered now; e-mail addresses are unique, case-insensitively.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "The e-mail address is taken")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    public Response create(@NotNull @Valid CustomerInput input, @Context UriInfo uri) {
        CustomerView created = retries.call(() -> CustomerView.of(customers.create(input)));
        return Created.at(uri, CustomersResource.class, created.id(), created);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Replace a customer")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    @APIResponseSchema(value = CustomerView.class, responseCode = "200", responseDescription = "As stored now")
    public CustomerView replace(@PathParam("id") long id, @NotNull @Valid CustomerInput input) {
        return retries.call(() -> CustomerView.of(customers.update(id, input)));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change some fields of a customer")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    @APIResponseSchema(value = CustomerView.class, responseCode = "200", responseDescription = "As stored now")
    public CustomerView update(@PathParam("id") long id, @NotNull JsonObject patch) {
        return retries.call(() -> {
            CustomerInput merged = validation.check(
                    MergePatch.apply(patch, CustomerInput.of(customers.find(id)), CustomerInput.class));
            return CustomerView.of(customers.update(id, merged));
        });
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Delete a customer without orders")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The customer has orders and is kept")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    public Response delete(@PathParam("id") long id) {
        retries.run(() -> customers.delete(id));
        return Response.noContent().build();
    }
}
