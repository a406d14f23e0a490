package com.ecommerce.analytics.tax.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.getObject;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static com.ecommerce.analytics.testing.Store.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

class TaxIT {

    private static JsonObject tax(long order) {
        return getObject("api/order/" + order + "/tax/", analyst());
    }

    @Test
    void theEarlierServicesRatesAndTheEuVatRatesArePreFilled() {
        try (Response response = request("api/tax-rates/", analyst()).get()) {
            JsonArray rates = (JsonArray) Api.parse(response.readEntity(String.class));
            assertTrue(rates.size() >= 30);
        }
        assertEquals("0.1000", getObject("api/tax-rates/US", analyst()).getString("rate"));
        assertEquals("0.1500", getObject("api/tax-rates/ca/", analyst()).getString("rate"));
        assertEquals("0.2100", getObject("api/tax-rates/ES", analyst()).getString("rate"));
        assertEquals("0.2000", getObject("api/tax-rates/DEFAULT", analyst()).getString("rate"));
    }

    @Test
    void anOrdersTaxUsesItsCountrysRateRoundedHalfUpOnceOnTheTotalLessRefunds() {
        long product = Store.product("33.35", 10);
        long order = created("api/orders/", admin(), order(Store.customer("DE"), product, 3)).getInt("id");
        JsonObject bill = tax(order);
        assertEquals(order, bill.getInt("order"));
        assertEquals("DE", bill.getString("country"));
        assertEquals("0.1900", bill.getString("rate"));
        assertEquals("100.05", bill.getString("taxable_amount"));
        assertEquals("19.01", bill.getString("tax"), "100.05 x 0.19 = 19.0095, half up to 19.01");
        assertEquals("119.06", bill.getString("total_with_tax"));
        created("api/orders/" + order + "/refunds/", admin(), "{\"items\":[{\"product\":" + product + ",\"quantity\":1}]}");
        assertEquals("12.67", tax(order).getString("tax"), "66.70 x 0.19 = 12.673");
    }

    @Test
    void countriesWithoutTheirOwnRatePayTheDefaultAndCanceledOrdersNone() {
        long product = Store.product("10.00", 10);
        long brazil = created("api/orders/", admin(), order(Store.customer("BR"), product, 1)).getInt("id");
        assertEquals("0.2000", tax(brazil).getString("rate"));
        assertEquals("2.00", tax(brazil).getString("tax"));
        Api.patch("api/orders/" + brazil, admin(), "{\"status\":\"canceled\"}").close();
        assertEquals("0.00", tax(brazil).getString("tax"));
        try (Response missing = request("api/order/987654321/tax/", analyst()).get()) {
            assertJsonError(missing, 404);
        }
    }

    @Test
    void ratesTakeTheCountryNamesTheEarlierClientsSendAndKeepTheIsoCode() {
        try (Response set = Api.put("api/tax-rates/Mongolia", admin(), "{\"rate\":\"0.1000\"}")) {
            JsonObject rate = Api.object(set);
            assertEquals("MN", rate.getString("country"));
            assertEquals("0.1000", rate.getString("rate"));
        }
        assertEquals("0.1000", Api.getObject("api/tax-rates/MN", analyst()).getString("rate"));
        assertEquals("MN", Api.getObject("api/tax-rates/mongolia", analyst()).getString("country"));
        try (Response removed = Api.delete("api/tax-rates/Mongolia", admin())) {
            assertEquals(204, removed.getStatus());
        }
        try (Response gone = Api.request("api/tax-rates/MN", analyst()).get()) {
            assertJsonError(gone, 404);
        }
    }

    @Test
    void adminsManageRatesAndAnalystsOnlyReadThem() {
        try (Response set = Api.put("api/tax-rates/NO", admin(), "{\"rate\":\"0.2500\"}")) {
            assertEquals("0.2500", Api.object(set).getString("rate"));
        }
        long product = Store.product("4.00", 10);
        long order = created("api/orders/", admin(), order(Store.customer("NO"), product, 1)).getInt("id");
        assertEquals("1.00", tax(order).getString("tax"));
        try (Response byAnalyst = Api.put("api/tax-rates/NO", analyst(), "{\"rate\":\"0.1\"}")) {
            assertJsonError(byAnalyst, 403);
        }
        for (String bad : new String[] {"{\"rate\":\"1.5\"}", "{\"rate\":\"-0.1\"}", "{\"rate\":\"0.12345\"}", "{}"}) {
            try (Response invalid = Api.put("api/tax-rates/NO", admin(), bad)) {
                assertJsonError(invalid, 400);
            }
        }
        try (Response unknown = Api.put("api/tax-rates/XX", admin(), "{\"rate\":\"0.1\"}")) {
            assertJsonError(unknown, 400);
        }
        try (Response removed = Api.delete("api/tax-rates/NO", admin())) {
            assertEquals(204, removed.getStatus());
        }
        assertEquals("0.80", tax(order).getString("tax"), "back to the DEFAULT rate");
        try (Response keep = Api.delete("api/tax-rates/DEFAULT", admin())) {
            assertJsonError(keep, 409);
        }
    }
}
