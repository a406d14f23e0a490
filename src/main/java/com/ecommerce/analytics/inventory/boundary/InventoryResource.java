package com.ecommerce.analytics.inventory.boundary;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.inventory.control.InventoryInput;
import com.ecommerce.analytics.inventory.control.Stock;
import com.ecommerce.analytics.inventory.entity.Inventory;
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
import jakarta.json.bind.annotation.JsonbProperty;
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

@Path("api/inventory")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory", description = "One stock record per product")
public class InventoryResource {

    /** created_at and updated_at are null only for stock stored before they were kept and never restocked since. */
    public record InventoryView(long id, long product, int quantity, Instant lastRestockedDate, int lowStockThreshold,
                                @JsonbProperty("is_low_stock") boolean lowStock, Instant createdAt, Instant updatedAt) {
        static InventoryView of(Inventory inventory) {
            return new InventoryView(inventory.getId(), inventory.productId(), inventory.getQuantity(),
                    inventory.getLastRestockedDate(), inventory.getLowStockThreshold(), inventory.isLowStock(),
                    inventory.createdAt(), inventory.updatedAt());
        }
    }

    @Inject
    Stock stock;

    @Inject
    RequestValidation validation;

    @Inject
    WriteRetries retries;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(summary = "List stock records")
    @APIResponse(responseCode = "200", description = "One page of inventory records, with X-Total-Count and Link headers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = InventoryView.class)))
    public Response list(@BeanParam PageParams paging,
                         @QueryParam("low_stock") @Parameter(description = "true: only those at or below their threshold")
                         String lowStock,
                         @QueryParam("product") @Parameter(description = "Only this product's record") Long product,
                         @QueryParam("ordering") @Parameter(description = "id, product, quantity, last_restocked_date or "
                                 + "low_stock_threshold; '-' for descending") String ordering,
                         @Context UriInfo uri) {
        var page = stock.list(QueryValues.bool("low_stock", lowStock, false), product,
                SortOrder.parse(ordering, Stock.ORDERING), paging.toRequest());
        return PagedResponse.of(page.map(InventoryView::of), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a stock record")
    @APIResponse(responseCode = "404", description = "No such record")
    @APIResponseSchema(value = InventoryView.class, responseCode = "200", responseDescription = "Found")
    public InventoryView get(@PathParam("id") long id) {
        return InventoryView.of(stock.find(id));
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Create a product's stock record")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = InventoryView.class)))
    @APIResponse(responseCode = "409", description = "The product already has one")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    public Response create(@NotNull @Valid InventoryInput input, @Context UriInfo uri) {
        InventoryView created = retries.call(() -> InventoryView.of(stock.create(input)));
        return Created.at(uri, InventoryResource.class, created.id(), created);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Replace a stock record", description = "A higher quantity is a restock and sets last_restocked_date.")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    @APIResponseSchema(value = InventoryView.class, responseCode = "200", responseDescription = "As stored now")
    public InventoryView replace(@PathParam("id") long id, @NotNull @Valid InventoryInput input) {
        return retries.call(() -> InventoryView.of(stock.update(id, input)));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change the quantity or threshold", description = "A higher quantity is a restock.")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    @APIResponseSchema(value = InventoryView.class, responseCode = "200", responseDescription = "As stored now")
    public InventoryView update(@PathParam("id") long id, @NotNull JsonObject patch) {
        return retries.call(() -> {
            InventoryInput merged = validation.check(
                    MergePatch.apply(patch, InventoryInput.of(stock.find(id)), InventoryInput.class));
            return InventoryView.of(stock.update(id, merged));
        });
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Delete a stock record")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "503", description = WriteRetries.BUSY)
    public Response delete(@PathParam("id") long id) {
        retries.run(() -> stock.delete(id));
        return Response.noContent().build();
    }
}
