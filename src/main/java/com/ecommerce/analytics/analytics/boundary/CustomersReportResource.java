package com.ecommerce.analytics.analytics.boundary;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.analytics.control.CustomerSpend;
import com.ecommerce.analytics.customermodels.control.RfmSegments;
import com.ecommerce.analytics.customermodels.model.RfmScores;
import com.ecommerce.analytics.customers.control.CountryNames;
import com.ecommerce.analytics.platform.docs.OpenApiConventions;
import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.platform.rest.PageParams;
import com.ecommerce.analytics.platform.rest.PagedResponse;
import com.ecommerce.analytics.platform.rest.QueryValues;
import com.ecommerce.analytics.platform.rest.Revalidated;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Revalidated
@Path("api/analytics/customers")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
public class CustomersReportResource {

    @Inject
    CustomerSpend spend;

    @Inject
    RfmSegments segments;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Extension(name = OpenApiConventions.REVALIDATED, value = "true")
    @Operation(operationId = "getCustomersReport",
            summary = "Customers report", description = "Every customer with orders, net spend (gross less "
            + "refunds, over orders not canceled), average order value and first and last order dates; filtered by "
            + "country and spend or order-count ranges; paged like every list (X-Total-Count, Link). Once the customer "
            + "models are fitted, each customer also carries what the model in use predicted at its fit for the next "
            + "365 days (P(alive), expected purchases, predicted CLV undiscounted; null before): "
            + "ordering=-predicted_clv ranks customers by predicted value. rfm_segment is the customer's RFM segment "
            + "(GET /api/analytics/segments/), scored at most RFM_FRESH_SECONDS ago; null without an order.")
    @APIResponse(responseCode = "400", description = "Bad filter, paging or ordering")
    @APIResponse(responseCode = "200", description = "One page of customers, with X-Total-Count and Link headers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CustomerSpend.Row.class)))
    public Response report(@BeanParam PageParams paging,
                           @QueryParam("country") @Parameter(description = "ISO code, English name or alias") String country,
                           @QueryParam("search") @Parameter(description = "Part of the name or e-mail") String search,
                           @QueryParam("min_spend") @Parameter(description = "Lifetime value (net spend) at least this, "
                                   + "a decimal such as 100.00") String minSpend,
                           @QueryParam("max_spend") @Parameter(description = "Lifetime value at most this") String maxSpend,
                           @QueryParam("min_orders") @Parameter(description = "At least this many orders (not canceled)",
                                   schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) String minOrders,
                           @QueryParam("max_orders") @Parameter(description = "At most this many orders",
                                   schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) String maxOrders,
                           @QueryParam("ordering") @Parameter(description = "spend (default -spend), orders, "
                                   + "average_order_value, last_order_date, first_order_date, name, id, predicted_clv, "
                                   + "probability_alive, expected_purchases; '-' for descending, commas between keys",
                                   example = "-predicted_clv") String ordering,
                           @Context UriInfo uri) {
        var filter = new CustomerSpend.Filter(country == null || country.isBlank() ? null : CountryNames.required(country),
                search, QueryValues.decimal("min_spend", minSpend), QueryValues.decimal("max_spend", maxSpend),
                QueryValues.whole("min_orders", minOrders), QueryValues.whole("max_orders", maxOrders));
        Map<Long, RfmScores.Scored> scored = segments.current().byCustomer();
        return PagedResponse.of(spend.report(filter, ordering, paging.toRequest()).map(row -> {
            RfmScores.Scored customer = scored.get(row.id());
            return customer == null ? row : row.inSegment(customer.segment().code());
        }), uri);
    }
}
