package com.ecommerce.analytics.orders.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.orders.boundary.OrderView.ItemView;
import com.ecommerce.analytics.orders.control.Orders;
import com.ecommerce.analytics.platform.rest.PageParams;
import com.ecommerce.analytics.platform.rest.PagedResponse;
import com.ecommerce.analytics.platform.rest.SortOrder;
import com.ecommerce.analytics.security.entity.Role;

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

@Path("api/order-items")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderItemsResource {

    @Inject
    Orders orders;

    @GET
    @Operation(summary = "List order lines")
    public Response list(@BeanParam PageParams paging,
                         @QueryParam("order") @Parameter(description = "Only this order's lines") Long order,
                         @QueryParam("product") @Parameter(description = "Only lines of this product") Long product,
                         @QueryParam("ordering") String ordering, @Context UriInfo uri) {
        var page = orders.items(order, product, SortOrder.parse(ordering, Orders.ITEM_ORDERING), paging.toRequest());
        return PagedResponse.of(page.map(ItemView::of), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an order line")
    @APIResponse(responseCode = "404", description = "No such line")
    public ItemView get(@PathParam("id") long id) {
        return ItemView.of(orders.item(id));
    }
}
