package com.ecommerce.analytics.analytics.boundary;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.analytics.control.ChurnRate;
import com.ecommerce.analytics.analytics.control.Comparison;
import com.ecommerce.analytics.analytics.control.Interval;
import com.ecommerce.analytics.analytics.control.RevenueSeries;
import com.ecommerce.analytics.analytics.control.SalesAnalytics;
import com.ecommerce.analytics.customermodels.control.CohortTable;
import com.ecommerce.analytics.customermodels.control.CustomerMonths;
import com.ecommerce.analytics.customers.control.CountryNames;
import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.platform.docs.OpenApiConventions;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.platform.rest.KnownQueryParameters;
import com.ecommerce.analytics.platform.rest.QueryValues;
import com.ecommerce.analytics.platform.rest.Revalidated;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

@Revalidated
@Path("api/analytics/sales")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics", description = "Sales questions, answered from daily aggregates")
public class SalesAnalyticsResource {

    private static final Set<String> RANGE = Set.of("start_date", "end_date", "compare");
    private static final Map<String, Set<String>> PARAMETERS = Map.of(
            "revenue_by_category", RANGE,
            "revenue_by_country", RANGE,
            "revenue_by_product", plus(RANGE, "limit"),
            "revenue_over_time", plus(RANGE, "interval"),
            "top_selling_products", plus(RANGE, "country", "limit"),
            "churn_rate", Set.of("period_days", "definition"),
            "cohort_retention", plus(RANGE, "interval", "country"));
    /** Dates a range may name: the store holds no order before 1970, and a century ahead is plenty to plan. */
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    /** Buckets of one series: ten years of days or seventy of weeks. */
    static final int MAX_BUCKETS = 3_660;
    /** Cohorts of one retention table: five years of months, a triangle of 1,830 cells. */
    static final int MAX_COHORTS = 60;

    static final List<String> TYPES = List.of("revenue_by_category", "revenue_by_country", "revenue_by_product",
            "revenue_over_time", "top_selling_products", "churn_rate", "cohort_retention");

    @Inject
    SalesAnalytics analytics;

    @Inject
    RevenueSeries series;

    @Inject
    ChurnRate churn;

    @Inject
    CustomerMonths customerMonths;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Extension(name = OpenApiConventions.REVALIDATED, value = "true")
    @Operation(operationId = "getSalesAnalytics",
            summary = "Sales analytics", description = "type=revenue_by_category, revenue_by_country, "
            + "revenue_by_product (limit), revenue_over_time (interval) and top_selling_products (country, limit) "
            + "take start_date and end_date, and compare=previous_period|previous_year; churn_rate takes "
            + "period_days and definition; cohort_retention (interval=month, optional country) takes start_date and "
            + "end_date and counts customers by the month of their first order and the share of each cohort ordering "
            + "in every later month to end_date's (the triangle), with each cohort's spend, from a table of every "
            + "customer's months kept COHORT_FRESH_SECONDS (as_of tells its moment). Dates are YYYY-MM-DD, both ends inclusive, calendar days in the store "
            + "time zone (STORE_TIMEZONE). Revenue is quantity x unit price over orders not canceled, net of "
            + "refunds dated in the range.")
    @APIResponse(responseCode = "200", description = "The answer for the type asked: a list of categories, countries, "
            + "products or top sellers, a series, or a churn rate", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(anyOf = {
                    SalesAnalytics.CategoryRevenue[].class, SalesAnalytics.CountryRevenue[].class,
                    SalesAnalytics.ProductRevenue[].class, SalesAnalytics.ProductSales[].class,
                    RevenueSeries.Series.class, ChurnRate.Churn.class, CohortTable.class})),
            @Content(mediaType = CsvTables.TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "Missing or unknown type, bad dates, unknown country or option")
    @APIResponse(responseCode = "409", description = "churn_rate definition=model before a customer model is fitted")
    public Object sales(@QueryParam("type") @Parameter(description = "What to answer; see the description",
                                required = true, schema = @Schema(type = SchemaType.STRING, enumeration = {
                                        "revenue_by_category", "revenue_by_country", "revenue_by_product",
                                        "revenue_over_time", "top_selling_products", "churn_rate",
                                        "cohort_retention"}))
                        String type,
                        @QueryParam("start_date") @Parameter(description = "First day of the range, inclusive (all "
                                + "types but churn_rate)", example = "2026-01-01",
                                schema = @Schema(type = SchemaType.STRING, format = "date")) String startDate,
                        @QueryParam("end_date") @Parameter(description = "Last day of the range, inclusive",
                                example = "2026-03-31", schema = @Schema(type = SchemaType.STRING, format = "date"))
                        String endDate,
                        @QueryParam("country") @Parameter(description = "top_selling_products (required) and "
                                + "cohort_retention (optional): ISO code, English name or alias (UK, USA)", example = "DE")
                        String country,
                        @QueryParam("limit") @Parameter(description = "Rows to list: top products 1-100 (default 10), "
                                + "products 1-1000 (default 100)", schema = @Schema(type = SchemaType.INTEGER,
                                minimum = "1", maximum = "1000")) Integer limit,
                        @QueryParam("interval") @Parameter(description = "revenue_over_time: the buckets' length; "
                                + "cohort_retention: month (the only one)",
                                schema = @Schema(type = SchemaType.STRING, defaultValue = "month",
                                        enumeration = {"day", "week", "month", "quarter", "year"})) String interval,
                        @QueryParam("compare") @Parameter(description = "Adds the figures of the period before, or "
                                + "of the same days a year before", schema = @Schema(type = SchemaType.STRING,
                                enumeration = {"previous_period", "previous_year"})) String compare,
                        @QueryParam("period_days") @Parameter(description = "churn_rate: days without an order that "
                                + "count as churned", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "30",
                                minimum = "1", maximum = "3650")) Integer periodDays,
                        @QueryParam("definition") @Parameter(description = "churn_rate: inactive (customers without an "
                                + "order in the period) or cohort (of the customers who ordered in the period before, "
                                + "those who did not order again) or model (customers whose P(alive) under the customer "
                                + "model in use is below 0.5; 409 before a fit)", schema = @Schema(type = SchemaType.STRING,
                                defaultValue = "inactive", enumeration = {"inactive", "cohort", "model"})) String definition,
                        @Context UriInfo uri) {
        String kind = type == null ? "" : type.trim().replaceAll("/+$", "");
        onlyParametersOf(kind, uri.getQueryParameters().keySet());
        return switch (kind) {
            case "revenue_by_category" -> {
                LocalDate[] range = range(startDate, endDate);
                yield analytics.revenueByCategory(range[0], range[1], comparison(compare));
            }
            case "revenue_by_country" -> {
                LocalDate[] range = range(startDate, endDate);
                yield analytics.revenueByCountry(range[0], range[1], comparison(compare));
            }
            case "revenue_by_product" -> {
                LocalDate[] range = range(startDate, endDate);
                yield analytics.revenueByProduct(range[0], range[1], comparison(compare), bounded("limit", limit, 100, 1000));
            }
            case "revenue_over_time" -> {
                LocalDate[] range = range(startDate, endDate);
                yield series.of(range[0], range[1], interval(interval, range), comparison(compare));
            }
            case "top_selling_products" -> {
                LocalDate[] range = range(startDate, endDate);
                yield analytics.topSellingProducts(country(country), range[0], range[1], bounded("limit", limit, 10, 100),
                        comparison(compare));
            }
            case "churn_rate" -> churn(definition, periodDays);
            case "cohort_retention" -> {
                LocalDate[] range = range(startDate, endDate);
                if (interval != null && !interval.isBlank() && !interval.trim().equals("month")) {
                    throw InvalidRequest.field("interval", "cohort_retention counts months: use month or leave it out");
                }
                if (ChronoUnit.MONTHS.between(YearMonth.from(range[0]),
                        YearMonth.from(range[1])) >= MAX_COHORTS) {
                    throw InvalidRequest.field("end_date", "a retention table covers at most " + MAX_COHORTS
                            + " months of cohorts");
                }
                yield customerMonths.retention(range[0], range[1],
                        country == null || country.isBlank() ? null : CountryNames.required(country));
            }
            case "" -> throw InvalidRequest.field("type", "is required: one of " + String.join(", ", TYPES));
            default -> throw InvalidRequest.field("type", "'" + type + "' is not one of " + String.join(", ", TYPES));
        };
    }

    /** A parameter the type does not use would be ignored silently (country=DE on revenue_by_category): refused. */
    private static void onlyParametersOf(String type, Set<String> given) {
        Set<String> taken = PARAMETERS.get(type);
        if (taken == null) {
            return;
        }
        Set<String> unknown = new TreeSet<>(given);
        unknown.removeAll(taken);
        unknown.remove("type");
        unknown.remove("format");
        if (!unknown.isEmpty()) {
            throw KnownQueryParameters.refused(unknown, "type=" + type, plus(taken, "type"));
        }
    }

    private static Comparison comparison(String compare) {
        if (compare == null || compare.isBlank()) {
            return null;
        }
        return Comparison.fromCode(compare.trim())
                .orElseThrow(() -> InvalidRequest.field("compare", "must be previous_period or previous_year"));
    }

    /** A day-by-day series is bounded, so a client cannot ask for a century of days. */
    private static Interval interval(String interval, LocalDate[] range) {
        Interval chosen = interval == null || interval.isBlank() ? Interval.MONTH : Interval.fromCode(interval.trim())
                .orElseThrow(() -> InvalidRequest.field("interval", "must be day, week, month, quarter or year"));
        if (chosen == Interval.DAY && range[0].plusDays(3660).isBefore(range[1])) {
            throw InvalidRequest.field("interval", "day buckets cover at most ten years; use week or month");
        }
        if (chosen.buckets(range[0], range[1]).size() > MAX_BUCKETS) {
            throw InvalidRequest.field("interval", "a series has at most " + MAX_BUCKETS + " buckets; use a longer interval");
        }
        return chosen;
    }

    private static Set<String> plus(Set<String> names, String... more) {
        Set<String> all = new HashSet<>(names);
        all.addAll(List.of(more));
        return all;
    }

    private static LocalDate[] range(String startDate, String endDate) {
        LocalDate start = QueryValues.date("start_date", startDate);
        LocalDate end = QueryValues.date("end_date", endDate);
        if (start == null || end == null) {
            throw InvalidRequest.field(start == null ? "start_date" : "end_date", "is required (YYYY-MM-DD)");
        }
        if (start.isAfter(end)) {
            throw InvalidRequest.field("start_date", "must not be after end_date");
        }
        for (LocalDate date : new LocalDate[] {start, end}) {
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                throw InvalidRequest.field(date == start ? "start_date" : "end_date", "must lie between " + EARLIEST
                        + " and " + LATEST);
            }
        }
        return new LocalDate[] {start, end};
    }

    private static CountryCode country(String country) {
        if (country == null || country.isBlank()) {
            throw InvalidRequest.field("country", "is required: an ISO code, a name or an alias such as UK");
        }
        return CountryNames.required(country);
    }

    private static int bounded(String name, Integer value, int absent, int max) {
        if (value == null) {
            return absent;
        }
        if (value < 1 || value > max) {
            throw InvalidRequest.field(name, "must be between 1 and " + max);
        }
        return value;
    }

    private ChurnRate.Churn churn(String definition, Integer periodDays) {
        String chosen = definition == null || definition.isBlank() ? "inactive" : definition.trim();
        return switch (chosen) {
            case "inactive", "cohort" -> churn.of(bounded("period_days", periodDays, 30, 3650), chosen.equals("cohort"));
            case "model" -> {
                if (periodDays != null) {
                    throw InvalidRequest.field("period_days", "does not apply to definition=model, which reads "
                            + "P(alive) from the customer model in use");
                }
                yield churn.byModel();
            }
            default -> throw InvalidRequest.field("definition", "must be inactive, cohort or model");
        };
    }
}
