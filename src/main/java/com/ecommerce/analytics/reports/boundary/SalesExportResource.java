package com.ecommerce.analytics.reports.boundary;

import java.time.YearMonth;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.reports.control.MonthlySalesWorkbook;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

@Path("api/export-sales/{month}/{year}")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Tag(name = "Reports", description = "The monthly sales report as an Excel workbook")
public class SalesExportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    MonthlySalesWorkbook workbook;

    @Inject
    StoreCalendar calendar;

    @GET
    @Produces({XLSX, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportMonthlySales",
            summary = "Monthly sales report (.xlsx)", description = "Sheets Summary, By product, By category, "
            + "By country, By day, Order lines and Refunds for a calendar month in the store time zone, agreeing with "
            + "/api/analytics/sales/ for the same dates. Streamed as it is written; more than 1,048,575 order lines "
            + "continue on 'Order lines (2)'.")
    @APIResponse(responseCode = "200", description = "The workbook, as an attachment",
            content = @Content(mediaType = XLSX))
    @APIResponse(responseCode = "400", description = "Month not 1-12, year before 2000, or a month in the future")
    public Response export(@PathParam("month") @Parameter(description = "1-12") String month,
                           @PathParam("year") @Parameter(description = "2000 or later") String year) {
        YearMonth period = period(month, year);
        StreamingOutput body = out -> workbook.write(period, out);
        return Response.ok(body, XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=Sales_Report_" + period.getMonthValue()
                        + "_" + period.getYear() + ".xlsx")
                .build();
    }

    private YearMonth period(String month, String year) {
        int monthValue = whole("month", month);
        int yearValue = whole("year", year);
        if (monthValue < 1 || monthValue > 12) {
            throw InvalidRequest.field("month", "must be between 1 and 12");
        }
        if (yearValue < 2000) {
            throw InvalidRequest.field("year", "must be 2000 or later");
        }
        YearMonth period = YearMonth.of(yearValue, monthValue);
        if (period.isAfter(YearMonth.from(calendar.today()))) {
            throw InvalidRequest.field("month", period + " is in the future");
        }
        return period;
    }

    private static int whole(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidRequest.field(name, "'" + value + "' is not a whole number");
        }
    }
}
