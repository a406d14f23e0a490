package com.ecommerce.analytics.reports.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.platform.rest.QueryValues;
import com.ecommerce.analytics.reports.control.InventoryWorkbook;
import com.ecommerce.analytics.security.entity.Role;
import com.ecommerce.analytics.stockplanning.control.PlanningTerms;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

@Path("api/export-inventory")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Tag(name = "Reports")
public class InventoryExportResource {

    @Inject
    InventoryWorkbook workbook;

    @GET
    @Produces({SalesExportResource.XLSX, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportInventory", summary = "Inventory report (.xlsx)", description = "Sheets Summary, "
            + "Inventory (every product of /api/analytics/inventory/, most urgent first), Reorder (what to order now, "
            + "with its value at cost) and By category (stock value now, gross margin over the window), with the sales "
            + "workbook's conventions: bold frozen headers with filters, real numbers and dates, money in the store's "
            + "currency, totals in bold.")
    @APIResponse(responseCode = "200", description = "The workbook, as an attachment",
            content = @Content(mediaType = SalesExportResource.XLSX))
    @APIResponse(responseCode = "400", description = "A bad window or horizon")
    public Response export(@QueryParam("window_days") @Parameter(description = "Days of sales looked back on (1-365, "
                                   + "default 28)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                   maximum = "365", defaultValue = "28")) String windowDays,
                           @QueryParam("horizon_days") @Parameter(description = "Days the forecast covers (1-364, "
                                   + "default 28)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                   maximum = "364", defaultValue = "28")) String horizonDays) {
        PlanningTerms terms = workbook.terms(QueryValues.counted("window_days", windowDays, 28, 365),
                QueryValues.counted("horizon_days", horizonDays, 28, 364));
        StreamingOutput body = out -> workbook.write(terms, out);
        return Response.ok(body, SalesExportResource.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=Inventory_Report_" + terms.today() + ".xlsx")
                .build();
    }
}
