package com.ecommerce.analytics.imports.boundary;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.imports.control.ImportRecord;
import com.ecommerce.analytics.imports.control.ImportRejections;
import com.ecommerce.analytics.imports.control.ImportRuns;
import com.ecommerce.analytics.imports.control.RejectedRow;
import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.platform.rest.PageParams;
import com.ecommerce.analytics.platform.rest.PagedResponse;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

@Path("api/imports")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Import", description = "Past sales from a merchant's spreadsheet export")
public class ImportsResource {

    @Inject
    ImportRuns runs;

    @Inject
    ImportRejections rejections;

    static URI address(UriInfo uri, long run) {
        return uri.getBaseUriBuilder().path(ImportsResource.class).path(run + "/").build();
    }

    @GET
    @APIResponse(responseCode = "403", description = "Only admins")
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(summary = "List the imports", description = "Newest first: who imported which file when, its status "
            + "(receiving, writing, succeeded, failed, interrupted), progress and counts.")
    @APIResponse(responseCode = "200", description = "One page of imports, with X-Total-Count and Link headers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ImportRecord.class)))
    public Response list(@BeanParam PageParams paging, @Context UriInfo uri) {
        return PagedResponse.of(runs.list(paging.toRequest()), uri);
    }

    @GET
    @APIResponse(responseCode = "403", description = "Only admins")
    @Path("{id}")
    @Operation(summary = "Get an import", description = "Its progress while it runs (rows read, invoices written of those "
            + "found, estimated seconds remaining) and its outcome once it has ended; poll it after a 202.")
    @APIResponse(responseCode = "404", description = "No such import")
    @APIResponseSchema(value = ImportRecord.class, responseCode = "200", responseDescription = "The import")
    public ImportRecord get(@PathParam("id") @Parameter(description = "The import's id") long id) {
        return runs.find(id);
    }

    @GET
    @APIResponse(responseCode = "403", description = "Only admins")
    @Path("{id}/rejections")
    @Operation(operationId = "listImportRejections",
            summary = "The rows an import refused", description = "Every rejected row by line number (the header is "
            + "line 1) with its reason and the row as it was in the file. With Accept: text/csv, the rows under the "
            + "file's header with line and reason columns added, ready to fix and import again.")
    @APIResponse(responseCode = "200", description = "One page of rejections (X-Total-Count, Link), or all as CSV",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RejectedRow.class)))
    @APIResponse(responseCode = "404", description = "No such import")
    public Response rejections(@PathParam("id") long id, @BeanParam PageParams paging, @Context UriInfo uri) {
        return PagedResponse.of(rejections.of(id, paging.toRequest()), uri);
    }

    @GET
    @APIResponse(responseCode = "403", description = "Only admins")
    @Path("{id}/rejections")
    @Produces("text/csv")
    public Response rejectionsCsv(@PathParam("id") long id) {
        runs.find(id);
        StreamingOutput csv = out -> rejections.writeCsv(id, out);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-rejections.csv\"").build();
    }
}
