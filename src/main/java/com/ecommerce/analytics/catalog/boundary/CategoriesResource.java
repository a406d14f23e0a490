package com.ecommerce.analytics.catalog.boundary;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.catalog.control.Categories;
import com.ecommerce.analytics.catalog.entity.Category;
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
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

@Path("api/categories")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Categories")
public class CategoriesResource {

    public record CategoryInput(@NotBlank @Size(max = 100) String name, @Size(max = 1000) String description,
                                @Min(1) @Max(365) Integer leadTimeDays,
                                @DecimalMin("0.5") @DecimalMax("0.9999") @Digits(integer = 1, fraction = 4)
                                BigDecimal serviceLevel) {
        static CategoryInput of(Category category) {
            return new CategoryInput(category.getName(), category.getDescription(), category.getLeadTimeDays(),
                    category.getServiceLevel());
        }
    }

    /** lead_time_days and service_level are null where the store's defaults apply. */
    public record CategoryView(long id, String name, String description, Integer leadTimeDays, BigDecimal serviceLevel) {
        static CategoryView of(Category category) {
            return new CategoryView(category.getId(), category.getName(), category.getDescription(),
                    category.getLeadTimeDays(), category.getServiceLevel());
        }
    }

    @Inject
    Categories categories;

    @Inject
    RequestValidation validation;

    @Inject
    WriteRetries retries;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(summary = "List categories")
    @APIResponse(responseCode = "200", description = "One page of categories, with X-Total-Count and Link headers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CategoryView.class)))
    public Response list(@BeanParam PageParams paging,
                         @QueryParam("search") @Parameter(description = "Part of the name") String search,
                         @QueryParam("ordering") @Parameter(description = "id or name; '-' for descending, e.g. -name")
                         String ordering,
                         @Context UriInfo uri) {
        var page = categories.list(search, SortOrder.parse(ordering, Categories.ORDERING), paging.toRequest());
        return PagedResponse.of(page.map(CategoryView::of), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a category")
    @APIResponse(responseCode = "404", description = "No such category")
    @APIResponseSchema(value = CategoryView.class, responseCode = "200", responseDescription = "Found")
    public CategoryView get(@PathParam("id") long id) {
        return CategoryView.of(categories.find(id));
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Create a category")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "409", description = "The name is taken")
    public Response create(@NotNull @Valid CategoryInput input, @Context UriInfo uri) {
        CategoryView created = retries.call(() -> CategoryView.of(categories.create(input.name(), input.description(),
                input.leadTimeDays(), input.serviceLevel())));
        return Created.at(uri, CategoriesResource.class, created.id(), created);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Replace a category")
    @APIResponseSchema(value = CategoryView.class, responseCode = "200", responseDescription = "As stored now")
    public CategoryView replace(@PathParam("id") long id, @NotNull @Valid CategoryInput input) {
        return retries.call(() -> CategoryView.of(categories.update(id, input.name(), input.description(),
                input.leadTimeDays(), input.serviceLevel())));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change some fields of a category")
    @APIResponseSchema(value = CategoryView.class, responseCode = "200", responseDescription = "As stored now")
    public CategoryView update(@PathParam("id") long id, @NotNull JsonObject patch) {
        return retries.call(() -> {
            CategoryInput merged = validation.check(
                    MergePatch.apply(patch, CategoryInput.of(categories.find(id)), CategoryInput.class));
            return CategoryView.of(categories.update(id, merged.name(), merged.description(),
                    merged.leadTimeDays(), merged.serviceLevel()));
        });
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Delete a category")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Products still belong to it")
    public Response delete(@PathParam("id") long id) {
        retries.run(() -> categories.delete(id));
        return Response.noContent().build();
    }
}
