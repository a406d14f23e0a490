package com.ecommerce.analytics.imports.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.imports.control.ImportRecord;
import com.ecommerce.analytics.imports.control.ImportReport;
import com.ecommerce.analytics.imports.control.ImportRuns;
import com.ecommerce.analytics.imports.control.OrderImport;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

@Path("api/import/orders")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Import", description = "Past sales from a merchant's spreadsheet export")
public class OrderImportResource {

    static final String CSV = "text/csv";

    @Inject
    OrderImport orderImport;

    @Inject
    StoreCalendar calendar;

    @Inject
    ImportRuns runs;

    private static final Pattern FILE_NAME = Pattern.compile("filename=\"?([^\";]+)\"?");

    @POST
    @Consumes({CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "importSalesCsv",
            summary = "Import past sales from a CSV file", description = "Rows in the layout of the UCI Online Retail "
            + "data set: InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country, in any order. "
            + "The lines of an InvoiceNo, wherever they stand, become one delivered order dated at its earliest line; "
            + "StockCode is the product's SKU and CustomerID the customer's reference, both created on first sight. "
            + "Credit notes (InvoiceNo starting with C) are applied after every invoice, in date order: each line refunds "
            + "the customer's latest order on or before it that contains the SKU. Invoices already imported are skipped, "
            + "so the same rows imported again, in any order, create nothing. The body is staged as it streams in, then "
            + "written 500 invoices per transaction; stock is not changed. With 'Prefer: respond-async' (or async=true) "
            + "the answer is 202 at once, with the import's address to follow its progress.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
            .enums.SchemaType.STRING, example = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,"
            + "CustomerID,Country\n536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,"
            + "United Kingdom")))
    @APIResponse(responseCode = "200", description = "What was created, what had been imported before, and the first 100 "
            + "rejected rows with their line number (the header is line 1) and reason; Content-Location names the import, "
            + "whose rejections lists them all", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "202", description = "Asked to respond async: the import runs in the background; "
            + "Location is its record, which shows its progress and then its outcome",
            content = @Content(schema = @Schema(implementation = ImportRecord.class)))
    @APIResponse(responseCode = "400", description = "An empty file, no header with the eight columns, text that is not "
            + "UTF-8, a file that cannot be parsed (nothing is imported), or an unknown time zone")
    @APIResponse(responseCode = "409", description = "Another import is running (Retry-After)")
    public Response importCsv(InputStream body,
                              @QueryParam("timezone") @Parameter(description = "Time zone of the InvoiceDate values, "
                                      + "such as Europe/London; default STORE_TIMEZONE") String timezone,
                              @QueryParam("async") @Parameter(description = "true: answer 202 at once and import in the "
                                      + "background, as 'Prefer: respond-async' asks") Boolean async,
                              @HeaderParam("Prefer") @Parameter(description = "respond-async: as async=true")
                              String prefer,
                              @HeaderParam("Content-Disposition") @Parameter(description = "attachment; filename=... "
                                      + "names the file in the import's record") String disposition,
                              @Context SecurityContext security, @Context UriInfo uri) {
        return start(body, new OrderImport.Upload(security.getUserPrincipal().getName(), fileName(disposition),
                zone(timezone)), isAsync(async, prefer), uri);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "importSalesUpload",
            summary = "Import past sales from an uploaded CSV file", description = "As the text/csv request, with the "
            + "file in the form field 'file'.")
    @APIResponse(responseCode = "200", description = "What was created, skipped and rejected",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "202", description = "Asked to respond async: Location is the import's record",
            content = @Content(schema = @Schema(implementation = ImportRecord.class)))
    @APIResponse(responseCode = "400", description = "No field 'file', a file that cannot be imported, or an unknown "
            + "time zone")
    @APIResponse(responseCode = "409", description = "Another import is running (Retry-After)")
    public Response importUpload(@FormParam("file") EntityPart file, @QueryParam("timezone") String timezone,
                                 @QueryParam("async") Boolean async, @HeaderParam("Prefer") String prefer,
                                 @Context SecurityContext security, @Context UriInfo uri) throws IOException {
        if (file == null) {
            throw InvalidRequest.field("file", "upload the CSV file in the form field 'file'");
        }
        try (InputStream content = file.getContent()) {
            return start(content, new OrderImport.Upload(security.getUserPrincipal().getName(),
                    file.getFileName().orElse(null), zone(timezone)), isAsync(async, prefer), uri);
        }
    }

    private Response start(InputStream body, OrderImport.Upload upload, boolean async, UriInfo uri) {
        if (async) {
            long run = orderImport.startImport(body, upload);
            return Response.accepted(runs.find(run)).location(ImportsResource.address(uri, run))
                    .header("Preference-Applied", "respond-async").build();
        }
        ImportReport report = orderImport.importOrders(body, upload);
        return Response.ok(report).header("Content-Location", ImportsResource.address(uri, report.id())).build();
    }

    private static boolean isAsync(Boolean async, String prefer) {
        return Boolean.TRUE.equals(async) || (prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async"));
    }

    /** The file name of a Content-Disposition header such as attachment; filename="sales.csv". */
    private static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher name = FILE_NAME.matcher(disposition);
        return name.find() ? name.group(1) : null;
    }

    private ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return calendar.zone();
        }
        try {
            return ZoneId.of(timezone.trim());
        } catch (DateTimeException e) {
            throw InvalidRequest.field("timezone", "'" + timezone + "' is not a time zone such as Europe/London or UTC");
        }
    }
}
