package com.ecommerce.analytics.analytics.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * The server keeps the sales of settled periods in memory (SettledSales): every change of an old period shows in
 * the next answer however often the period was asked about before. Each step changes 2023 and asks again about
 * the year alone (all of it settled) and about a range from 2022 to today (settled years and months, and the
 * current month read from its rows).
 */
class SettledSalesIT {

    private static final String YEAR = "start_date=2023-01-01&end_date=2023-12-31";
    private static final String LONG = "start_date=2022-06-01&end_date=" + LocalDate.now();

    private final String firstName = unique("Settled");
    private final String secondName = unique("Settled");
    private final long first = created("api/categories/", admin(), "{\"name\":\"" + firstName + "\"}").getInt("id");
    private final long second = created("api/categories/", admin(), "{\"name\":\"" + secondName + "\"}").getInt("id");
    private final long pen = Store.product("10.00", 100, first);
    private final long ink = Store.product("20.00", 100, first);
    private final long pad = Store.product("5.00", 100, second);
    private final long clip = Store.product("7.00", 100, second);
    private final long customer = Store.customer("GB");

    @Test
    void everyChangeOfASettledPeriodShowsInTheNextAnswer() {
        long march = order("2023-03-10T12:00:00Z", pen, 2, ink, 1);
        assertRevenue("40.00", "0.00");

        long july = order("2023-07-01T12:00:00Z", pad, 4);
        assertRevenue("40.00", "20.00");
        assertEquals(Optional.of(4), unitsSold(pad), "top sellers of GB in 2023");

        Api.patch("api/orders/" + march + "/", admin(), "{\"status\":\"canceled\"}").close();
        assertRevenue("0.00", "20.00");

        Store.advance(july, "delivered");
        created("api/orders/" + july + "/refunds/", admin(), "{\"refund_date\":\"2023-08-01T12:00:00Z\","
                + "\"items\":[{\"product\":" + pad + ",\"quantity\":1}]}");
        assertRevenue("0.00", "15.00");
        assertEquals(Optional.of(4), unitsSold(pad), "units sold are not net of refunds");

        order("2023-09-05T12:00:00Z", pad, 2, clip, 1, pen, 1);
        assertRevenue("10.00", "32.00");
        // The clip's only order holds products of both categories: its move changes no order count of a category.
        Api.patch("api/products/" + clip + "/", admin(), "{\"category\":" + first + "}").close();
        assertRevenue("17.00", "25.00");
    }

    /** An order of the products and quantities given in pairs. */
    private long order(String date, long... productsAndQuantities) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < productsAndQuantities.length; i += 2) {
            items.append(i == 0 ? "" : ",").append("{\"product\":").append(productsAndQuantities[i])
                    .append(",\"quantity\":").append(productsAndQuantities[i + 1]).append('}');
        }
        return created("api/orders/", admin(), "{\"customer\":" + customer + ",\"order_date\":\"" + date
                + "\",\"items\":[" + items + "]}").getInt("id");
    }

    /**
     * Net revenue of the two categories, the same in 2023 and in the long range (nothing of theirs sold since), and
     * of their products in 2023 (products sold today by other tests could crowd them out of a longer list).
     */
    private void assertRevenue(String firstRevenue, String secondRevenue) {
        for (String range : new String[] {YEAR, LONG}) {
            JsonArray categories = sales("type=revenue_by_category&" + range);
            assertEquals(firstRevenue, revenue(categories, "category_name", firstName), range);
            assertEquals(secondRevenue, revenue(categories, "category_name", secondName), range);
        }
        JsonArray products = sales("type=revenue_by_product&limit=1000&" + YEAR);
        BigDecimal byProducts = BigDecimal.ZERO;
        for (long product : new long[] {pen, ink, pad, clip}) {
            byProducts = byProducts.add(new BigDecimal(revenue(products, "id", product)));
        }
        assertEquals(new BigDecimal(firstRevenue).add(new BigDecimal(secondRevenue)), byProducts,
                "the four products' revenue in 2023");
    }

    private Optional<Integer> unitsSold(long product) {
        return sales("type=top_selling_products&country=GB&limit=100&" + YEAR).stream().map(JsonObject.class::cast)
                .filter(row -> row.getJsonNumber("id").longValue() == product).findFirst()
                .map(row -> row.getInt("total_sales"));
    }

    private static String revenue(JsonArray rows, String key, Object value) {
        return rows.stream().map(JsonObject.class::cast)
                .filter(row -> String.valueOf(value).equals(row.get(key).toString().replace("\"", "")))
                .findFirst().map(row -> row.getString("total_revenue")).orElse("0.00");
    }

    private static JsonArray sales(String query) {
        try (Response response = request("api/analytics/sales/?" + query, analyst()).get()) {
            String body = response.readEntity(String.class);
            assertEquals(200, response.getStatus(), body);
            return (JsonArray) Api.parse(body);
        }
    }
}
