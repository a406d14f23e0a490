package com.ecommerce.analytics.analytics.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.getObject;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

class CustomerValueIT {

    private static long order(long customer, String date, long product, int quantity) {
        return created("api/orders/", admin(), "{\"customer\":" + customer + ",\"order_date\":\"" + date
                + "\",\"items\":[{\"product\":" + product + ",\"quantity\":" + quantity + "}]}").getInt("id");
    }

    @Test
    void lifetimeValueIsNetSpendOverOrdersNotCanceled() {
        long customer = Store.customer("SE");
        long product = Store.product("40.00", 100);
        order(customer, "2024-05-01T10:00:00Z", product, 1);
        long second = order(customer, "2024-06-01T10:00:00Z", product, 2);
        long canceled = order(customer, "2024-07-01T10:00:00Z", product, 5);
        Api.patch("api/orders/" + canceled, admin(), "{\"status\":\"canceled\"}").close();
        created("api/orders/" + second + "/refunds/", admin(), "{\"items\":[{\"product\":" + product + ",\"quantity\":1}]}");

        JsonObject clv = getObject("api/customer/" + customer + "/clv/", analyst());
        assertEquals(customer, clv.getInt("customer"));
        assertEquals("80.00", clv.getString("lifetime_value"), "40 + 80 - 40 refunded; the canceled 200 not");
        assertEquals("120.00", clv.getString("gross_spend"));
        assertEquals("40.00", clv.getString("refunds"));
        assertEquals(2, clv.getInt("orders"));
        assertEquals("40.00", clv.getString("average_order_value"));
        assertEquals("2024-05-01T10:00:00Z", clv.getString("first_order_date"));
        assertEquals("2024-06-01T10:00:00Z", clv.getString("last_order_date"));
    }

    @Test
    void aCustomerWithoutOrdersIsWorthZeroAndAnUnknownOneIs404() {
        JsonObject clv = getObject("api/customer/" + Store.customer("NZ") + "/clv", analyst());
        assertEquals("0.00", clv.getString("lifetime_value"));
        assertEquals(0, clv.getInt("orders"));
        assertTrue(clv.isNull("first_order_date"), "sent as null");
        try (Response response = request("api/customer/987654321/clv/", analyst()).get()) {
            assertJsonError(response, 404);
        }
        try (Response response = request("api/customer/1/clv/").get()) {
            assertJsonError(response, 401);
        }
    }
}
