package com.ecommerce.analytics.stockplanning.boundary;

import java.util.EnumSet;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.ecommerce.analytics.customers.control.CountryNames;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.rest.QueryValues;
import com.ecommerce.analytics.stockplanning.control.InventoryReport;
import com.ecommerce.analytics.stockplanning.control.PlanningTerms;
import com.ecommerce.analytics.stockplanning.control.StockStatus;

import jakarta.ws.rs.QueryParam;

/** The report's filters and terms, shared by the report and the reorder list. */
public class PlanningParams {

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
        return report.terms(QueryValues.counted("window_days", windowDays, 28, 365),
                QueryValues.counted("horizon_days", horizonDays, 28, 364),
                overstockDays == null || overstockDays.isBlank() ? null
                        : QueryValues.counted("overstock_days", overstockDays, 180, 3650));
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
}
