package com.ecommerce.analytics.analytics.boundary;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.platform.money.StoreCurrency;
import com.ecommerce.analytics.security.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What a client needs to read the reports as the store does: its currency, its calendar's time zone and today. */
@Path("api/store")
@RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
public class StoreResource {

    /** today is the store's date now: "the last 30 days" of a report end on it. */
    public record StoreView(String currency, int currencyFractionDigits, String timeZone, LocalDate today) {
    }

    @Inject
    StoreCalendar calendar;

    @GET
    @Operation(operationId = "getStore", summary = "The store's currency, time zone and date",
            description = "Amounts are in currency (STORE_CURRENCY, ISO 4217) with currency_fraction_digits decimals "
                    + "shown; report dates are calendar days in time_zone (STORE_TIMEZONE), and today is the store's "
                    + "date now, which may differ from the client's.")
    @APIResponseSchema(value = StoreView.class, responseCode = "200", responseDescription = "The store's settings")
    public StoreView get() {
        return new StoreView(StoreCurrency.code(), StoreCurrency.currency().getDefaultFractionDigits(),
                calendar.zone().getId(), calendar.today());
    }
}
