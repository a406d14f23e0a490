package com.ecommerce.analytics.catalog.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.catalog.control.ProductInput;
import com.ecommerce.analytics.catalog.control.Products;
import com.ecommerce.analytics.platform.database.WriteRetries;
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

@Path("api/products")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "The catalog; analysts read, admins write")
public class ProductsResource {

    @Inject
    Products products;

    @Inject
    RequestValidation validation;

    @Inject
    WriteRetries retries;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(summary = "List products", description = "Active products unless is_active says otherwise; a JSON "
            + "array with X-Total-Count and Link headers.")
    @APIResponse(responseCode = "200", description = "One page of products",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Bad paging, filter or ordering")
    public Response list(@BeanParam PageParams paging,
                         @QueryParam("category_id") @Parameter(description = "Only this category") Long categoryId,
                         @QueryParam("is_active") @Parameter(description = "true (default) or false") String active,
                         @QueryParam("search") @Parameter(description = "Part of the name or SKU") String search,
                         @QueryParam("ordering") @Parameter(description = "id, name, SKU, price, category, created_at, "
                                 + "updated_at; '-' for descending") String ordering,
                         @Context UriInfo uri) {
        var filter = new Products.Filter(categoryId, QueryValues.bool("is_active", active, true), search);
        var page = products.list(filter, SortOrder.parse(ordering, Products.ORDERING), paging.toRequest());
        return PagedResponse.of(page.map(ProductView::of), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a product")
    @APIResponse(responseCode = "404", description = "No such product")
    @APIResponseSchema(value = ProductView.class, responseCode = "200", responseDescription = "Found")
    public ProductView get(@PathParam("id") long id) {
        return ProductView.of(products.view(id));
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Create a product")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or unknown category or tags")
    @APIResponse(responseCode = "409", description = "The SKU is taken")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    public Response create(@NotNull @Valid ProductInput input, @Context UriInfo uri) {
        ProductView created = retries.call(() -> ProductView.of(products.create(input)));
        return Created.at(uri, ProductsResource.class, created.id(), created);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Replace a product")
    @APIResponse(responseCode = "404", description = "No such product")
    @APIResponse(responseCode = "409", description = "The SKU is taken, or someone changed the product meanwhile")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    @APIResponseSchema(value = ProductView.class, responseCode = "200", responseDescription = "As stored now")
    public ProductView replace(@PathParam("id") long id, @NotNull @Valid ProductInput input) {
        return retries.call(() -> ProductView.of(products.update(id, input)));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change some fields of a product")
    @APIResponse(responseCode = "404", description = "No such product")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    @APIResponseSchema(value = ProductView.class, responseCode = "200", responseDescription = "As stored now")
    public ProductView update(@PathParam("id") long id, @NotNull JsonObject patch) {
        return retries.call(() -> {
            ProductInput merged = MergePatch.apply(patch, ProductInput.of(products.find(id)), ProductInput.class);
            return ProductView.of(products.update(id, validation.check(merged)));
        });
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Delete a product", description = "A product that was ever ordered is kept for its history "
            + "and deactivated instead (200 with the product); otherwise it is deleted (204).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "200", description = "Deactivated, because orders refer to it",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    public Response delete(@PathParam("id") long id) {
        if (retries.call(() -> products.delete(id)) == Products.Removal.DEACTIVATED) {
            return Response.ok(ProductView.of(products.find(id))).build();
        }
        return Response.noContent().build();
    }
}
