package com.ecommerce.analytics.customermodels.boundary;

import java.time.LocalDate;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.customermodels.control.CustomerModel;
import com.ecommerce.analytics.customermodels.control.CustomerModelEvaluation;
import com.ecommerce.analytics.customermodels.control.CustomerModelFit;
import com.ecommerce.analytics.customermodels.control.CustomerModelStore;
import com.ecommerce.analytics.platform.errors.InvalidRequest;
import com.ecommerce.analytics.platform.errors.NotFound;
import com.ecommerce.analytics.platform.rest.QueryValues;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
    CustomerModelEvaluation evaluation;

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

    @GET
    @Path("evaluation")
    @Operation(operationId = "evaluateCustomerModel", summary = "Check the purchase model on a hold-out period",
            description = "Fits the BG/NBD model on the orders up to cut_off (optionally one cohort of first orders), "
            + "predicts each customer's purchases (days with an order) from the day after cut_off to holdout_end, and "
            + "sets them beside the purchases made: in total, by decile of the prediction and by the repeat purchases "
            + "seen up to cut_off (0 to 7+), as Fader, Hardie and Lee (2005) plot them. Nothing is stored; the model "
            + "in use stays. Reads every order: seconds on a large store, one evaluation at a time.")
    @APIResponseSchema(value = CustomerModelEvaluation.Evaluation.class, responseCode = "200",
            responseDescription = "Predicted and actual purchases in the hold-out")
    @APIResponse(responseCode = "400", description = "cut_off missing, dates in the wrong order or in the future")
    @APIResponse(responseCode = "409", description = "An evaluation is running")
    @APIResponse(responseCode = "422", description = "No customer in the sample bought twice by cut_off")
    public CustomerModelEvaluation.Evaluation evaluate(
            @QueryParam("cut_off") @Parameter(description = "Last day the fit sees", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String cutOff,
            @QueryParam("holdout_end") @Parameter(description = "Last day of the hold-out (default: today)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String holdoutEnd,
            @QueryParam("cohort_start") @Parameter(description = "Only customers whose first order is on or after "
                    + "this day", schema = @Schema(type = SchemaType.STRING, format = "date")) String cohortStart,
            @QueryParam("cohort_end") @Parameter(description = "Only customers whose first order is on or before "
                    + "this day", schema = @Schema(type = SchemaType.STRING, format = "date")) String cohortEnd) {
        LocalDate today = calendar.today();
        LocalDate cut = QueryValues.date("cut_off", cutOff);
        if (cut == null) {
            throw InvalidRequest.field("cut_off", "is required (YYYY-MM-DD): the last day the fit sees");
        }
        LocalDate end = Optional.ofNullable(QueryValues.date("holdout_end", holdoutEnd)).orElse(today);
        if (!cut.isBefore(end)) {
            throw InvalidRequest.field("cut_off", "must be before holdout_end (" + end + ")");
        }
        if (end.isAfter(today)) {
            throw InvalidRequest.field("holdout_end", "must not be after today (" + today + ")");
        }
        LocalDate from = QueryValues.date("cohort_start", cohortStart);
        LocalDate to = QueryValues.date("cohort_end", cohortEnd);
        if (from != null && to != null && from.isAfter(to)) {
            throw InvalidRequest.field("cohort_start", "must not be after cohort_end");
        }
        if (from != null && from.isAfter(cut)) {
            throw InvalidRequest.field("cohort_start", "must not be after cut_off");
        }
        return evaluation.evaluate(cut, end, from, to);
    }
}
