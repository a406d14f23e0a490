package com.ecommerce.analytics.stockplanning.boundary;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.rest.QueryValues;

import jakarta.ws.rs.QueryParam;

/** The range a margin is taken over (the last 28 days by default) and an optional category. */
public class MarginRange {

    static final int DEFAULT_DAYS = 28;
    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    @QueryParam("start_date")
    @Parameter(description = "First day of the range, inclusive (default: 27 days before end_date)",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    String startDate;

    @QueryParam("end_date")
    @Parameter(description = "Last day of the range, inclusive (default: today in the store's calendar)",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    String endDate;

    @QueryParam("category")
    @Parameter(description = "Only this category's products (its id)")
    Long category;

    LocalDate[] days(LocalDate today) {
        LocalDate end = QueryValues.date("end_date", endDate);
        LocalDate start = QueryValues.date("start_date", startDate);
        end = end != null ? end : today;
        start = start != null ? start : end.minusDays(DEFAULT_DAYS - 1L);
        if (start.isAfter(end)) {
            throw InvalidRequest.field("start_date", "must not be after end_date");
        }
        if (start.isBefore(EARLIEST) || end.isAfter(LATEST)) {
            throw InvalidRequest.field(start.isBefore(EARLIEST) ? "start_date" : "end_date", "must lie between "
                    + EARLIEST + " and " + LATEST);
        }
        return new LocalDate[] {start, end};
    }

    Long category() {
        return category;
    }
}
