package com.ecommerce.analytics.tax.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.platform.database.WriteRetries;
import com.ecommerce.analytics.platform.rest.CsvTables;
import com.ecommerce.analytics.security.entity.Role;
import com.ecommerce.analytics.tax.control.TaxRates;
import com.ecommerce.analytics.tax.entity.TaxRate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("api/tax-rates")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tax")
public class TaxRatesResource {

    public record RateInput(@NotNull @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
                            @Digits(integer = 1, fraction = 4) BigDecimal rate) {
    }

    public record NewRate(@NotBlank String country, @NotNull @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
                          @Digits(integer = 1, fraction = 4) BigDecimal rate) {
    }

    public record RateView(String country, BigDecimal rate, Instant updatedAt) {
        static RateView of(TaxRate rate) {
            return new RateView(rate.getCountry(), rate.getRate(), rate.getUpdatedAt());
        }
    }

    @Inject
    TaxRates rates;

    @Inject
    WriteRetries retries;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTables.TEXT_CSV})
    @Operation(summary = "List tax rates", description = "By ISO country code; DEFAULT serves every other country.")
    @APIResponseSchema(value = RateView[].class, responseCode = "200", responseDescription = "The list")
    public List<RateView> list() {
        return rates.all().stream().map(RateView::of).toList();
    }

    @GET
    @Path("{country}")
    @Operation(summary = "Get a country's tax rate")
    @APIResponse(responseCode = "404", description = "The country has no rate of its own")
    @APIResponseSchema(value = RateView.class, responseCode = "200", responseDescription = "Found")
    public RateView get(@PathParam("country") String country) {
        return RateView.of(rates.find(country));
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Set a country's tax rate", description = "rate is a fraction: \"0.2100\" for 21%.")
    @APIResponseSchema(value = RateView.class, responseCode = "200", responseDescription = "The rate as now stored")
    public RateView create(@NotNull @Valid NewRate input) {
        return retries.call(() -> RateView.of(rates.set(input.country(), input.rate())));
    }

    @PUT
    @Path("{country}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Set a country's tax rate")
    @APIResponseSchema(value = RateView.class, responseCode = "200", responseDescription = "As stored now")
    public RateView replace(@PathParam("country") String country, @NotNull @Valid RateInput input) {
        return retries.call(() -> RateView.of(rates.set(country, input.rate())));
    }

    @DELETE
    @Path("{country}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Remove a country's own rate", description = "Its sales are then taxed at the DEFAULT rate.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "The DEFAULT rate cannot be removed")
    public Response delete(@PathParam("country") String country) {
        retries.run(() -> rates.delete(country));
        return Response.noContent().build();
    }
}
