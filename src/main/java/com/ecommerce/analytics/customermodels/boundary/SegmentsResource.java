package com.ecommerce.analytics.customermodels.boundary;

import java.util.Arrays;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.customermodels.control.RfmSegments;
import com.ecommerce.analytics.customermodels.control.SegmentReport;
import com.ecommerce.analytics.customermodels.model.RfmSegment;
import com.ecommerce.analytics.platform.errors.NotFound;
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
import jakarta.ws.rs.core.UriInfo;

@Path("api/analytics/segments")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
@Tag(name = "Customer models")
public class SegmentsResource {

    private static final String SCORING = "Every customer with an order gets recency, frequency and monetary scores "
            + "1-5 (quintiles: 1 + floor(5 x share of customers strictly worse), so equal values score alike; recency is "
            + "days since the last order, frequency the orders not canceled, monetary the spend net of refunds), and "
            + "the segment of its recency and frequency scores: champions (R5 F4-5), loyal_customers (R3-4 F4-5), "
            + "potential_loyalists (R4-5 F2-3), new_customers (R5 F1), promising (R4 F1), need_attention (R3 F3), "
            + "about_to_sleep (R3 F1-2), at_risk (R1-2 F3-4), cant_lose_them (R1-2 F5), hibernating (R1-2 F1-2). "
            + "Scored at most twice RFM_FRESH_SECONDS (30) ago, by whichever instance answers.";

    @Inject
    RfmSegments segments;

    @GET
    @Operation(operationId = "getRfmSegments", summary = "RFM segments", description = SCORING
            + " Per segment: customers, share, revenue, and averages of days since the last order, orders and spend.")
    @APIResponseSchema(value = SegmentReport.Summary.class, responseCode = "200", responseDescription = "Every segment")
    public SegmentReport.Summary summary() {
        return SegmentReport.summary(segments.current());
    }

    @GET
    @Path("{segment}")
    @Operation(operationId = "listSegmentCustomers", summary = "The customers of an RFM segment", description = SCORING
            + " The biggest spenders first.")
    @APIResponse(responseCode = "200", description = "One page of customers, with X-Total-Count and Link headers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SegmentReport.Customer.class)))
    @APIResponse(responseCode = "404", description = "No such segment")
    public Response customers(@PathParam("segment") @Parameter(description = "A segment's code, such as champions")
                              String segment, @BeanParam PageParams paging, @Context UriInfo uri) {
        RfmSegment named = Arrays.stream(RfmSegment.values()).filter(s -> s.code().equals(segment)).findFirst()
                .orElseThrow(() -> new NotFound("No segment '" + segment + "'; the segments are champions, "
                        + "loyal_customers, potential_loyalists, new_customers, promising, need_attention, "
                        + "about_to_sleep, at_risk, cant_lose_them and hibernating."));
        return PagedResponse.of(SegmentReport.customers(segments.current(), named, paging.toRequest()), uri);
    }
}
