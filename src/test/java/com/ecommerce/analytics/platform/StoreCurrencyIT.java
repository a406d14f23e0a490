package com.ecommerce.analytics.platform;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/** Every answer with amounts names the store's currency (STORE_CURRENCY, EUR unless set), in JSON and in CSV. */
class StoreCurrencyIT {

    private static final String CURRENCY = "EUR";

    private final long category = Store.category();
    private final long product = Store.product("12.50", 30, category);
    private final long customer = Store.customer("DE");
    private final JsonObject order = created("api/orders/", admin(), Store.order(customer, product, 2));
    private final long orderId = order.getInt("id");

    @Test
    void catalogOrdersLinesRefundsAndTaxNameTheCurrency() {
        assertEquals(CURRENCY, Api.getObject("api/products/" + product + "/", analyst()).getString("currency"));
        assertEquals(CURRENCY, order.getString("currency"));
        JsonObject line = order.getJsonArray("items").getJsonObject(0);
        assertEquals(CURRENCY, line.getString("currency"));
        assertEquals(CURRENCY, Api.getObject("api/order-items/" + line.getInt("id") + "/", analyst()).getString("currency"));
        Store.advance(orderId, "delivered");
        JsonObject refund = created("api/orders/" + orderId + "/refunds/", admin(),
                "{\"items\":[{\"product\":" + product + ",\"quantity\":1}],\"reason\":\"damaged\"}");
        assertEquals(CURRENCY, refund.getString("currency"));
        assertEquals(CURRENCY, Api.getObject("api/order/" + orderId + "/tax/", analyst()).getString("currency"));
        assertEquals(CURRENCY, Api.getObject("api/customer/" + customer + "/clv/", analyst()).getString("currency"));
    }

    @Test
    void analyticsRowsAndTheSeriesNameTheCurrency() {
        String today = "start_date=" + LocalDate.now().minusDays(1) + "&end_date=" + LocalDate.now().plusDays(1);
        for (String type : List.of("revenue_by_category", "revenue_by_country", "revenue_by_product", "top_selling_products")) {
            JsonArray rows = array("api/analytics/sales/?type=" + type + "&" + today
                    + (type.startsWith("top") ? "&country=DE" : ""));
            assertFalse(rows.isEmpty(), type);
            rows.getValuesAs(JsonObject.class).forEach(row -> assertEquals(CURRENCY, row.getString("currency"), type));
        }
        assertEquals(CURRENCY, Api.getObject("api/analytics/sales/?type=revenue_over_time&interval=day&" + today, analyst())
                .getString("currency"));
        JsonArray spenders = array("api/analytics/customers/?country=DE&min_orders=1");
        assertEquals(CURRENCY, spenders.getJsonObject(0).getString("currency"));
    }

    @Test
    void theStoreTellsItsCurrencyTimeZoneAndDate() {
        JsonObject store = Api.getObject("api/store/", analyst());
        assertEquals(CURRENCY, store.getString("currency"));
        assertEquals(2, store.getInt("currency_fraction_digits"));
        assertEquals("America/New_York", store.getString("time_zone"), "the IT server's STORE_TIMEZONE");
        LocalDate today = LocalDate.parse(store.getString("today"));
        assertTrue(today.equals(LocalDate.now(ZoneId.of("America/New_York")))
                || today.equals(LocalDate.now(ZoneId.of("America/New_York")).minusDays(1)), "a request at midnight: " + today);
        try (Response anonymous = Api.request("api/store/").get()) {
            assertEquals(401, anonymous.getStatus());
        }
    }

    @Test
    void aCsvAnswerWithAmountsHasACurrencyColumn() {
        try (Response csv = request("api/products/?category_id=" + category, analyst(), "text/csv").get()) {
            assertEquals(200, csv.getStatus());
            List<String> lines = csv.readEntity(String.class).lines().toList();
            List<String> header = List.of(lines.get(0).split(","));
            assertTrue(header.contains("currency"), lines.get(0));
            assertEquals(CURRENCY, lines.get(1).split(",")[header.indexOf("currency")]);
        }
    }

    private static JsonArray array(String path) {
        try (Response response = request(path, analyst()).get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), path + ": " + body);
            return Api.parse(body).asJsonArray();
        }
    }
}
