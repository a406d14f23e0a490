package com.ecommerce.analytics.analytics.boundary;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.analytics.control.CustomerValue;
import com.ecommerce.analytics.customermodels.control.CustomerPredictions;
import com.ecommerce.analytics.customermodels.control.RfmSegments;
import com.ecommerce.analytics.customermodels.model.CustomerSegment;
import com.ecommerce.analytics.customermodels.model.RfmScores;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.docs.OpenApiConventions;
import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.platform.rest.QueryValues;
import com.ecommerce.analytics.platform.rest.Revalidated;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Revalidated
@Path("api/customer/{id}/clv")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
public class CustomerValueResource {

    @Inject
    CustomerValue value;

    @Inject
    CustomerPredictions predictions;

    @Inject
    RfmSegments segments;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Extension(name = OpenApiConventions.REVALIDATED, value = "true")
    @Operation(operationId = "getCustomerLifetimeValue",
            summary = "Customer lifetime value", description = "Net spend over orders not canceled, less refunds, "
            + "with order count, average order value and first and last order dates; and, once the customer models are "
            + "fitted (POST /api/analytics/customer-models/rebuild/), a predicted block: P(alive), the purchases "
            + "expected over horizon_days (BG/NBD), the value expected per purchase (Gamma-Gamma) and the predicted "
            + "lifetime value over the horizon, discounted at discount_rate a year; and the customer's RFM scores and "
            + "segment (GET /api/analytics/segments/), scored at most RFM_FRESH_SECONDS (30) ago.")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponseSchema(value = CustomerValue.Clv.class, responseCode = "200", responseDescription = "Found")
    @APIResponse(responseCode = "400", description = "A bad horizon or discount rate")
    public CustomerValue.Clv clv(@PathParam("id") long id,
                                 @QueryParam("horizon_days") @Parameter(description = "Days the prediction covers "
                                         + "(1-3650, default 365)", schema = @Schema(type = SchemaType.INTEGER,
                                         minimum = "1", maximum = "3650", defaultValue = "365")) String horizonDays,
                                 @QueryParam("discount_rate") @Parameter(description = "Annual discount rate of the "
                                         + "predicted value, 0 to 1 (default 0)", schema = @Schema(type = SchemaType.NUMBER,
                                         minimum = "0", maximum = "1", defaultValue = "0")) String discountRate) {
        int horizon = QueryValues.counted("horizon_days", horizonDays, 365, 3650);
        BigDecimal rate = QueryValues.decimal("discount_rate", discountRate);
        if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0)) {
            throw InvalidRequest.field("discount_rate", "must be between 0 and 1");
        }
        CustomerValue.Clv clv = value.of(id);
        RfmScores.Scored scored = segments.current().byCustomer().get(id);
        return clv.with(predictions.of(id, horizon, rate == null ? 0 : rate.doubleValue()).orElse(null),
                scored == null ? null : CustomerSegment.of(scored));
    }
}
