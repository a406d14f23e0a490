package com.ecommerce.analytics.stockplanning.boundary;

import java.util.EnumSet;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.customers.control.CountryNames;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.platform.rest.PageParams;
import com.ecommerce.analytics.platform.rest.PagedResponse;
import com.ecommerce.analytics.platform.rest.QueryValues;
import com.ecommerce.analytics.platform.rest.SortOrder;
import com.ecommerce.analytics.security.entity.Role;
import com.ecommerce.analytics.stockplanning.control.DemandForecastBuild;
import com.ecommerce.analytics.stockplanning.control.DemandForecasts;
import com.ecommerce.analytics.stockplanning.control.DemandModel;
import com.ecommerce.analytics.stockplanning.control.InventoryReport;
import com.ecommerce.analytics.stockplanning.control.PlanningTerms;
import com.ecommerce.analytics.stockplanning.control.ReorderSuggestions;
import com.ecommerce.analytics.stockplanning.control.StockPosition;
import com.ecommerce.analytics.stockplanning.control.StockStatus;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("api/analytics/inventory")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory analytics", description = "Cover, stock-out forecast, reorder suggestions, dead stock")
public class InventoryAnalyticsResource {

    private static final String TERMS = "Demand is read from the sales aggregates (units of orders not canceled, net of "
            + "refunds), the forecast from the store's demand model (GET /api/analytics/inventory/forecast/). Safety "
            + "stock = ceil(z(service level) x sigma x sqrt(lead time / 7)) with sigma the spread of the forecast's past "
            + "one-week-ahead errors; reorder point = ceil(forecast over the lead time) + safety stock; order-up-to = "
            + "ceil(forecast over lead time + review period) + safety stock; reorder quantity = order-up-to - on hand "
            + "at or below the reorder point. Lead time and service level: the product's, else its category's, else "
            + "INVENTORY_LEAD_TIME_DAYS (7) and INVENTORY_SERVICE_LEVEL (0.95); review period INVENTORY_REVIEW_DAYS (7).";

    @Inject
    InventoryReport report;

    @Inject
    DemandForecastBuild build;

    @Inject
    DemandForecasts forecasts;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(operationId = "getInventoryReport", summary = "Inventory report", description = "Every product on sale or in stock with its stock on hand, "
            + "units sold over the window, the forecast over the horizon, days of cover, expected stock-out date, "
            + "sell-through rate, reorder point and quantity, stock value, and a status: stock_out (none on hand), "
            + "at_risk (on hand at or below the reorder point), overstock (cover beyond overstock_days, default "
            + "INVENTORY_OVERSTOCK_DAYS 180), dead (in stock, no unit sold in the window) or healthy; most urgent first. "
            + TERMS)
    @APIResponse(responseCode = "200", description = "One page of products, with X-Total-Count and Link headers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = StockPosition.class)))
    @APIResponse(responseCode = "400", description = "A bad window, horizon, status, country or ordering")
    public Response inventory(@BeanParam PageParams paging, @BeanParam PlanningParams params,
                              @QueryParam("ordering") @Parameter(description = "urgency (default), product, "
                                      + "days_of_cover, on_hand, units_sold, forecast_units, reorder_quantity, "
                                      + "stock_value_at_cost or stock_value_at_price; '-' for descending")
                              String ordering,
                              @Context UriInfo uri) {
        var page = report.page(params.filter(), params.terms(report), sortOrder(ordering), paging.toRequest());
        return PagedResponse.of(page, uri);
    }

    @GET
    @Path("reorder")
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(operationId = "getReorderSuggestions", summary = "What to order now", description = "Products at or below their reorder point, with the "
            + "quantity to order and its value at cost where the product has a cost price; totals over every line, "
            + "the lines paged (limit/offset or page/page_size), most urgent first. " + TERMS)
    @APIResponseSchema(value = ReorderSuggestions.class, responseCode = "200", responseDescription = "The suggestions")
    @APIResponse(responseCode = "400", description = "A bad window, horizon, status, country or paging value")
    public ReorderSuggestions reorder(@BeanParam PageParams paging, @BeanParam PlanningParams params) {
        return report.reorder(params.filter(), params.terms(report), paging.toRequest());
    }

    @GET
    @Path("forecast")
    @Operation(operationId = "getDemandForecast", summary = "The demand model in use", description = "The weeks it learned from, the method chosen and "
            + "the backtest that chose it: every candidate fitted to each product's weeks before the last 12 and "
            + "scored by its mean absolute error (units per product and week) on those 12. Rebuilt every "
            + "DEMAND_FORECAST_REBUILD_HOURS (24) and on request.")
    @APIResponseSchema(value = DemandModel.class, responseCode = "200", responseDescription = "The model in use")
    @APIResponse(responseCode = "404", description = "No model has been built yet")
    public DemandModel forecast() {
        DemandModel model = forecasts.inUse().model();
        if (model == null) {
            throw new com.ecommerce.analytics.platform.errors.NotFound("No demand forecast has been built yet"
                    + (DemandForecastBuild.isRunning() ? "; one is being built now." : "."));
        }
        return model;
    }

    @POST
    @Path("forecast/rebuild")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(operationId = "rebuildDemandForecast", summary = "Rebuild the demand model now", description = "Reads the last 104 weeks of sales, runs the "
            + "backtest and forecasts every product that sold in them 52 weeks ahead; the new model is in use when "
            + "this answers. Orders and reports go on meanwhile.")
    @APIResponseSchema(value = DemandModel.class, responseCode = "200", responseDescription = "The model now in use")
    @APIResponse(responseCode = "409", description = "A build is running")
    @APIResponse(responseCode = "503", description = "The sales aggregates are still being counted after a start; "
            + "try again after Retry-After seconds")
    public DemandModel rebuild() {
        return build.rebuild();
    }

    private static SortOrder sortOrder(String ordering) {
        return SortOrder.parse(ordering == null || ordering.isBlank() ? "urgency" : ordering, InventoryReport.ORDERING);
    }

    /** The report's filters and terms, shared by the report and the reorder list. */
    public static class PlanningParams {

        @QueryParam("window_days")
        @Parameter(description = "Days of sales the report looks back on, ending today (1-365, default 28)",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "365", defaultValue = "28"))
        String windowDays;

        @QueryParam("horizon_days")
        @Parameter(description = "Days the forecast_units cover, from today (1-364, default 28)",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "364", defaultValue = "28"))
        String horizonDays;

        @QueryParam("overstock_days")
        @Parameter(description = "Cover beyond which stock counts as overstock (1-3650; default "
                + "INVENTORY_OVERSTOCK_DAYS, 180)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                maximum = "3650"))
        String overstockDays;

        @QueryParam("category")
        @Parameter(description = "Only this category's products (its id)")
        Long category;

        @QueryParam("country")
        @Parameter(description = "Only products sold to this country in the window (ISO code, English name or alias); "
                + "adds units_sold_in_country", example = "DE")
        String country;

        @QueryParam("status")
        @Parameter(description = "Only these statuses, comma-separated: stock_out, at_risk, overstock, dead, healthy")
        String status;

        PlanningTerms terms(InventoryReport report) {
            return report.terms(bounded("window_days", windowDays, 28, 365), bounded("horizon_days", horizonDays, 28, 364),
                    overstockDays == null || overstockDays.isBlank() ? null
                            : bounded("overstock_days", overstockDays, 180, 3650));
        }

        InventoryReport.Filter filter() {
            return new InventoryReport.Filter(category,
                    country == null || country.isBlank() ? null : CountryNames.required(country), statuses());
        }

        private Set<StockStatus> statuses() {
            Set<StockStatus> statuses = EnumSet.noneOf(StockStatus.class);
            if (status != null && !status.isBlank()) {
                for (String code : status.split(",")) {
                    statuses.add(StockStatus.fromCode(code.trim()).orElseThrow(() -> InvalidRequest.field("status",
                            "'" + code.trim() + "' is not one of stock_out, at_risk, overstock, dead, healthy")));
                }
            }
            return statuses;
        }

        private static int bounded(String name, String raw, int absent, int max) {
            Integer value = QueryValues.whole(name, raw);
            if (value == null) {
                return absent;
            }
            if (value < 1 || value > max) {
                throw InvalidRequest.field(name, "must be between 1 and " + max);
            }
            return value;
        }
    }
}
