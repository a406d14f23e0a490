package com.ecommerce.analytics.customermodels.boundary;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.customermodels.control.CustomerModel;
import com.ecommerce.analytics.customermodels.control.CustomerModelFit;
import com.ecommerce.analytics.customermodels.control.CustomerModelStore;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.errors.NotFound;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("api/analytics/customer-models")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customer models", description = "BG/NBD and Gamma-Gamma: purchases to come, P(alive), spend per purchase")
public class CustomerModelsResource {

    /** What a fit may be restricted to; every field optional. */
    @Schema(name = "CustomerModelFitRequest")
    public record FitRequest(
            @Schema(description = "Only customers whose first order is on or after this day") LocalDate cohortStart,
            @Schema(description = "Only customers whose first order is on or before this day") LocalDate cohortEnd,
            @Schema(description = "Orders after this day are left out (default: today)") LocalDate calibrationEnd) {
    }

    @Inject
    CustomerModelFit fit;

    @Inject
    CustomerModelStore models;

    @Inject
    StoreCalendar calendar;

    @GET
    @Operation(operationId = "getCustomerModel", summary = "The customer models in use", description = "The latest "
            + "fit: the BG/NBD parameters r, alpha, a, b (weeks) and the Gamma-Gamma parameters p, q, v, with their "
            + "log-likelihoods, the number of customers fitted and the calibration window.")
    @APIResponseSchema(value = CustomerModel.class, responseCode = "200", responseDescription = "The models in use")
    @APIResponse(responseCode = "404", description = "No fit yet")
    public CustomerModel inUse() {
        return models.inUse().orElseThrow(() -> new NotFound("No customer model has been fitted yet; POST "
                + "/api/analytics/customer-models/rebuild/ fits one."));
    }

    @POST
    @Path("rebuild")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rebuildCustomerModel", summary = "Fit the customer models now", description = "Maximum "
            + "likelihood over every customer's repeat purchases x, weeks from the first purchase to the last (t_x) and "
            + "to the end of calibration (T), orders of one day counting as one purchase (Fader, Hardie and Lee 2005), "
            + "and the repeat buyers' mean repeat value; optionally one cohort of first orders and an earlier end of "
            + "calibration, to reproduce a published setting on imported history. The fit is in use when this answers.")
    @APIResponseSchema(value = CustomerModel.class, responseCode = "200", responseDescription = "The fit, now in use")
    @APIResponse(responseCode = "400", description = "Dates in the wrong order or in the future")
    @APIResponse(responseCode = "409", description = "A fit is running")
    @APIResponse(responseCode = "422", description = "No customer in the sample bought twice")
    public CustomerModel rebuild(FitRequest request) {
        FitRequest asked = request != null ? request : new FitRequest(null, null, null);
        LocalDate today = calendar.today();
        if (asked.cohortStart() != null && asked.cohortEnd() != null && asked.cohortStart().isAfter(asked.cohortEnd())) {
            throw InvalidRequest.field("cohort_start", "must not be after cohort_end");
        }
        if (asked.calibrationEnd() != null && asked.calibrationEnd().isAfter(today)) {
            throw InvalidRequest.field("calibration_end", "must not be after today (" + today + ")");
        }
        if (asked.calibrationEnd() != null && asked.cohortStart() != null
                && asked.cohortStart().isAfter(asked.calibrationEnd())) {
            throw InvalidRequest.field("cohort_start", "must not be after calibration_end");
        }
        return fit.fit(asked.calibrationEnd(), asked.cohortStart(), asked.cohortEnd());
    }
}
