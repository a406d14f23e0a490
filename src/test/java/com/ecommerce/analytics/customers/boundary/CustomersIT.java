package com.ecommerce.analytics.customers.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.Api.unique;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

class CustomersIT {

    static JsonObject newCustomer(String country) {
        return created("api/customers/", admin(), "{\"name\":\"Ada Lovelace\",\"email\":\"" + unique("ada")
                + "@Example.com\",\"country\":\"" + country + "\"}");
    }

    @Test
    void aCustomerIsRegisteredNowWithAnUpperCaseCountryAndALowerCaseEmail() {
        JsonObject customer = newCustomer("gb");
        assertEquals("GB", customer.getString("country"));
        assertTrue(customer.getString("email").endsWith("@example.com"));
        assertTrue(customer.getString("registration_date").endsWith("Z"));
        assertEquals(customer, Api.getObject("api/customers/" + customer.getInt("id") + "/", analyst()));
    }

    /** The earlier service let its clients set the registration date (a customer moved in from another system). */
    @Test
    void aRegistrationDateSentIsKeptAndOneOutsideTheSaneWindowIs400() {
        String email = unique("reg") + "@example.com";
        JsonObject customer = created("api/customers/", admin(), "{\"name\":\"Moved In\",\"email\":\"" + email
                + "\",\"country\":\"DE\",\"registration_date\":\"2019-05-01T10:00:00Z\"}");
        assertEquals("2019-05-01T10:00:00Z", customer.getString("registration_date"));
        String path = "api/customers/" + customer.getInt("id") + "/";
        try (Response replaced = Api.put(path, admin(), "{\"name\":\"Moved In\",\"email\":\"" + email
                + "\",\"country\":\"AT\"}")) {
            assertEquals(200, replaced.getStatus());
            assertEquals("2019-05-01T10:00:00Z", Api.object(replaced).getString("registration_date"),
                    "a change that leaves the date out keeps it");
        }
        try (Response refused = Api.post("api/customers/", admin(), "{\"name\":\"Later\",\"email\":\""
                + unique("reg") + "@example.com\",\"country\":\"DE\",\"registration_date\":\"2099-01-01T00:00:00Z\"}")) {
            assertEquals("registration_date", assertJsonError(refused, 400).getJsonArray("fields").getJsonObject(0)
                    .getString("field"));
        }
        assertEquals("2019-05-01T10:00:00Z", Api.getObject(path, admin()).getString("registration_date"));
    }

    @Test
    void invalidCustomersAre400NamingEveryFieldAndATakenEmailIs409() {
        try (Response response = Api.post("api/customers/", admin(), "{\"name\":\"\",\"email\":\"not-an-email\",\"country\":\"UK\"}")) {
            JsonObject error = assertJsonError(response, 400);
            List<String> fields = error.getJsonArray("fields").stream().map(f -> ((JsonObject) f).getString("field")).toList();
            assertTrue(fields.containsAll(List.of("name", "email")), fields.toString());
        }
        try (Response response = Api.post("api/customers/", admin(), "{\"name\":\"X\",\"email\":\"x@example.com\",\"country\":\"XX\"}")) {
            assertEquals("country", assertJsonError(response, 400).getJsonArray("fields").getJsonObject(0).getString("field"));
        }
        JsonObject customer = newCustomer("DE");
        try (Response response = Api.post("api/customers/", admin(), "{\"name\":\"Twin\",\"email\":\""
                + customer.getString("email").toUpperCase() + "\",\"country\":\"DE\"}")) {
            assertJsonError(response, 409);
        }
    }

    /** The earlier service's clients send names and aliases; the customer keeps the ISO code and answers with it. */
    @Test
    void countryNamesAndAliasesAreStoredAsTheirIsoCodes() {
        for (String[] sent : new String[][] {{"USA", "US"}, {"United States", "US"}, {"UK", "GB"}, {"Germany", "DE"},
                {"gb", "GB"}, {"European Community", "EU"}}) {
            JsonObject customer = newCustomer(sent[0]);
            assertEquals(sent[1], customer.getString("country"), sent[0]);
            assertEquals(sent[1], Api.getObject("api/customers/" + customer.getInt("id") + "/", analyst())
                    .getString("country"), "stored as " + sent[1]);
        }
        JsonObject german = newCustomer("DE");
        try (Response response = request("api/customers/?country=Germany&limit=1000", analyst()).get()) {
            JsonArray page = (JsonArray) Api.parse(response.readEntity(String.class));
            assertTrue(page.stream().anyMatch(c -> ((JsonObject) c).getInt("id") == german.getInt("id")));
            assertTrue(page.stream().allMatch(c -> ((JsonObject) c).getString("country").equals("DE")));
        }
    }

    @Test
    void customersFilterByCountryAndEmail() {
        JsonObject customer = newCustomer("NZ");
        try (Response response = request("api/customers/?country=nz&limit=1000", analyst()).get()) {
            JsonArray page = (JsonArray) Api.parse(response.readEntity(String.class));
            assertTrue(page.stream().allMatch(c -> ((JsonObject) c).getString("country").equals("NZ")));
            assertTrue(page.stream().anyMatch(c -> ((JsonObject) c).getInt("id") == customer.getInt("id")));
        }
        try (Response response = request("api/customers?email=" + customer.getString("email"), analyst()).get()) {
            assertEquals("1", response.getHeaderString("X-Total-Count"));
        }
        try (Response response = request("api/customers/?country=Narnia", analyst()).get()) {
            assertJsonError(response, 400);
        }
    }

    @Test
    void patchChangesOneFieldAndDeleteRemovesACustomerWithoutOrders() {
        JsonObject customer = newCustomer("FR");
        String path = "api/customers/" + customer.getInt("id") + "/";
        try (Response patched = Api.patch(path, admin(), "{\"country\":\"BE\"}")) {
            JsonObject body = Api.object(patched);
            assertEquals("BE", body.getString("country"));
            assertEquals(customer.getString("email"), body.getString("email"));
            assertEquals(customer.getString("registration_date"), body.getString("registration_date"));
        }
        try (Response analystDelete = Api.delete(path, analyst())) {
            assertJsonError(analystDelete, 403);
        }
        try (Response deleted = Api.delete(path, admin())) {
            assertEquals(204, deleted.getStatus());
        }
        try (Response gone = request(path, admin()).get()) {
            assertJsonError(gone, 404);
        }
    }

    @Test
    void putReplacesEveryWritableField() {
        JsonObject customer = newCustomer("PL");
        String email = unique("new") + "@example.com";
        try (Response replaced = Api.put("api/customers/" + customer.getInt("id"), admin(),
                "{\"name\":\"Grace Hopper\",\"email\":\"" + email + "\",\"country\":\"US\"}")) {
            JsonObject body = Api.object(replaced);
            assertEquals("Grace Hopper", body.getString("name"));
            assertEquals(email, body.getString("email"));
            assertEquals("US", body.getString("country"));
        }
        try (Response missing = Api.put("api/customers/987654321/", admin(),
                "{\"name\":\"X\",\"email\":\"" + unique("x") + "@example.com\",\"country\":\"US\"}")) {
            assertJsonError(missing, 404);
        }
    }
}
