package com.ecommerce.analytics.imports.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.ZoneId;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.imports.control.ImportReport;
import com.ecommerce.analytics.imports.control.OrderImport;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;

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

    @POST
    @Consumes({CSV, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import past sales from a CSV file", description = "Rows in the layout of the UCI Online Retail "
            + "data set: InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country. The lines "
            + "of an InvoiceNo (consecutive) become one delivered order; StockCode is the product's SKU and CustomerID "
            + "the customer's reference, both created on first sight. Credit notes (InvoiceNo starting with C) refund "
            + "the customer's latest order on or before them that contains the SKU. Invoices already imported are "
            + "skipped. The body is streamed and written 500 invoices per transaction; stock is not changed.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
            .enums.SchemaType.STRING, example = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,"
            + "CustomerID,Country\n536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,"
            + "United Kingdom")))
    @APIResponse(responseCode = "200", description = "What was created, what had been imported before, and the first 100 "
            + "rejected rows with their line number (the header is line 1) and reason")
    @APIResponse(responseCode = "400", description = "No header with the eight columns, an unknown time zone, or a file "
            + "that cannot be parsed (the invoices before the fault stay imported)")
    @APIResponse(responseCode = "409", description = "Another import is running")
    public ImportReport importCsv(InputStream body, @QueryParam("timezone") @Parameter(description = "Time zone of the "
            + "InvoiceDate values, such as Europe/London; default STORE_TIMEZONE") String timezone) {
        return orderImport.importOrders(body, zone(timezone));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import past sales from an uploaded CSV file", description = "As the text/csv request, with the "
            + "file in the form field 'file'.")
    @APIResponse(responseCode = "200", description = "What was created, skipped and rejected")
    @APIResponse(responseCode = "400", description = "No field 'file', no header with the eight columns, or an unknown "
            + "time zone")
    @APIResponse(responseCode = "409", description = "Another import is running")
    public ImportReport importUpload(@FormParam("file") EntityPart file, @QueryParam("timezone") String timezone)
            throws IOException {
        if (file == null) {
            throw InvalidRequest.field("file", "upload the CSV file in the form field 'file'");
        }
        try (InputStream content = file.getContent()) {
            return orderImport.importOrders(content, zone(timezone));
        }
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
