package com.ecommerce.analytics.stockplanning.boundary;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.platform.rest.PageParams;
import com.ecommerce.analytics.platform.rest.PagedResponse;
import com.ecommerce.analytics.platform.rest.SortOrder;
import com.ecommerce.analytics.security.entity.Role;
import com.ecommerce.analytics.stockplanning.control.DemandForecastBuild;
import com.ecommerce.analytics.stockplanning.control.DemandForecasts;
import com.ecommerce.analytics.stockplanning.control.DemandModel;
import com.ecommerce.analytics.stockplanning.control.InventoryReport;
import com.ecommerce.analytics.stockplanning.control.ReorderSuggestions;
import com.ecommerce.analytics.stockplanning.control.ProductMargin;
import com.ecommerce.analytics.stockplanning.control.StockPosition;
import com.ecommerce.analytics.stockplanning.control.StockValueReport;
import com.ecommerce.analytics.stockplanning.control.StockValues;

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

    @Inject
    StockValues values;

    @Inject
    StoreCalendar calendar;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(operationId = "getInventoryReport", summary = "Inventory report",
            description = "Every product on sale or in stock with its stock on hand, "
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
    @Operation(operationId = "getReorderSuggestions", summary = "What to order now",
            description = "Products at or below their reorder point, with the "
            + "quantity to order and its value at cost where the product has a cost price; totals over every line, "
            + "the lines paged (limit/offset or page/page_size), most urgent first. " + TERMS)
    @APIResponseSchema(value = ReorderSuggestions.class, responseCode = "200", responseDescription = "The suggestions")
    @APIResponse(responseCode = "400", description = "A bad window, horizon, status, country or paging value")
    public ReorderSuggestions reorder(@BeanParam PageParams paging, @BeanParam PlanningParams params) {
        return report.reorder(params.filter(), params.terms(report), paging.toRequest());
    }

    @GET
    @Path("forecast")
    @Operation(operationId = "getDemandForecast", summary = "The demand model in use",
            description = "The weeks it learned from, the method chosen and "
            + "the backtest that chose it: every candidate fitted to each product's weeks before the last 12 and "
            + "scored by its mean absolute error (units per product and week) on those 12. Rebuilt every "
            + "DEMAND_FORECAST_REBUILD_HOURS (24) and on request.")
    @APIResponseSchema(value = DemandModel.class, responseCode = "200", responseDescription = "The model in use")
    @APIResponse(responseCode = "404", description = "No model has been built yet")
    public DemandModel forecast() {
        DemandModel model = forecasts.inUse().model();
        if (model == null) {
            throw new com.ecommerce.analytics.platform.errors.NotFound("No demand forecast has been built yet"
                    + (build.isRunning() ? "; one is being built now." : "."));
        }
        return model;
    }

    @POST
    @Path("forecast/rebuild")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(operationId = "rebuildDemandForecast", summary = "Rebuild the demand model now",
            description = "Reads the last 104 weeks of sales, runs the "
            + "backtest and forecasts every product that sold in them 52 weeks ahead; the new model is in use when "
            + "this answers. Orders and reports go on meanwhile.")
    @APIResponseSchema(value = DemandModel.class, responseCode = "200", responseDescription = "The model now in use")
    @APIResponse(responseCode = "409", description = "A build is running")
    @APIResponse(responseCode = "503", description = "The sales aggregates are still being counted after a start; "
            + "try again after Retry-After seconds")
    public DemandModel rebuild() {
        return build.rebuild();
    }

    @GET
    @Path("value")
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(operationId = "getStockValue", summary = "Stock value and gross margin by category", description = "The "
            + "stock on hand now at cost and at price, and over the range the net revenue, the cost of the units sold "
            + "(net of refunds) at today's cost prices, and the gross margin, for the store and each category. Values "
            + "at cost count the products with a cost price only and are null where none has one; the revenue of "
            + "products without a cost price is shown apart and left out of the margin.")
    @APIResponseSchema(value = StockValueReport.class, responseCode = "200",
            responseDescription = "The store and its categories")
    @APIResponse(responseCode = "400", description = "Bad dates")
    public StockValueReport value(@BeanParam MarginRange range) {
        LocalDate[] days = range.days(calendar.today());
        return values.byCategory(days[0], days[1], range.category());
    }

    @GET
    @Path("margin")
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(operationId = "listProductMargins", summary = "Gross margin by product", description = "Every product "
            + "sold in the range, with units sold and net revenue, the cost of those units at its cost price today and "
            + "the gross margin (null without a cost price); highest margin first unless ordered otherwise.")
    @APIResponse(responseCode = "200", description = "One page of products, with X-Total-Count and Link headers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ProductMargin.class)))
    @APIResponse(responseCode = "400", description = "Bad dates, paging or ordering")
    public Response margins(@BeanParam PageParams paging, @BeanParam MarginRange range,
                            @QueryParam("ordering") @Parameter(description = "gross_margin, gross_margin_rate, "
                                    + "net_revenue, units_sold or product; '-' for descending (default -gross_margin); "
                                    + "unknown margins last") String ordering,
                            @Context UriInfo uri) {
        LocalDate[] days = range.days(calendar.today());
        SortOrder order = SortOrder.parse(ordering == null || ordering.isBlank() ? "-gross_margin" : ordering,
                StockValues.MARGIN_ORDERING);
        return PagedResponse.of(values.margins(days[0], days[1], range.category(), order, paging.toRequest()), uri);
    }

    private static SortOrder sortOrder(String ordering) {
        return SortOrder.parse(ordering == null || ordering.isBlank() ? "urgency" : ordering, InventoryReport.ORDERING);
    }
}
