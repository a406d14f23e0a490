package com.ecommerce.analytics.platform.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.ecommerce.analytics.platform.errors.ApiError;
import com.ecommerce.analytics.platform.errors.StoreBusy;
import com.ecommerce.analytics.platform.json.JsonbConfiguration;
import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Records the document's examples: real answers of the IT server's demo store, one or more per operation and status,
 * and one answer per error status, into target/openapi-examples.json. Not a test: it runs only when asked,
 * {@code mvn verify -Dit.test=OpenApiExamplesRecorderIT -Dopenapi.examples.record=true}, and its file is then copied to
 * src/main/resources/META-INF/openapi-examples.json, where OpenApiConventions reads it. OpenApiDocumentIT checks that
 * every example matches its schema.
 */
@EnabledIfSystemProperty(named = "openapi.examples.record", matches = "true")
class OpenApiExamplesRecorderIT {

    private static final int LIST_ROWS = 2;

    private final Map<String, Map<String, Map<String, JsonValue>>> operations = new TreeMap<>();
    private final Map<String, Map<String, JsonValue>> errors = new TreeMap<>();
    private final String admin = Api.admin();
    private final String analyst = Api.analyst();
    private final String suffix = Long.toString(System.currentTimeMillis() % 100_000);
    private long bench;
    private long gardenCategory;

    @Test
    void recordEveryOperationsAnswers() throws IOException {
        Store.analyticsCaughtUp();
        catalog();
        customersAndOrders();
        analytics();
        taxes();
        accounts();
        imports();
        errorsOfEveryKind();
        errorsTheServerWritesAlone();
        write(Path.of("target", "openapi-examples.json"));
    }

    private void catalog() {
        JsonObject category = record("createCategory", "201", post("api/categories/", admin,
                "{\"name\":\"Garden furniture " + suffix + "\",\"description\":\"Benches, tables and loungers for outdoors\","
                + "\"lead_time_days\":14,\"service_level\":\"0.95\"}"));
        gardenCategory = category.getInt("id");
        String categoryPath = "api/categories/" + category.getInt("id") + "/";
        record("listCategories", "200", get("api/categories/?limit=" + LIST_ROWS, analyst));
        record("getCategory", "200", get(categoryPath, analyst));
        record("updateCategory", "200", patch(categoryPath, "{\"description\":\"Benches, tables, loungers and parasols\"}"));
        record("replaceCategory", "200", put(categoryPath, "{\"name\":\"Garden furniture " + suffix
                + "\",\"description\":\"Everything for the garden\"}"));

        JsonObject tag = record("createTag", "201", post("api/tags/", admin, "{\"name\":\"outdoor-" + suffix + "\"}"));
        String tagPath = "api/tags/" + tag.getInt("id") + "/";
        record("listTags", "200", get("api/tags/?limit=" + LIST_ROWS, analyst));
        record("getTag", "200", get(tagPath, analyst));
        record("updateTag", "200", patch(tagPath, "{\"name\":\"garden-" + suffix + "\"}"));
        record("replaceTag", "200", put(tagPath, "{\"name\":\"outdoor-" + suffix + "\"}"));

        JsonObject product = record("createProduct", "201", post("api/products/", admin, "{\"name\":\"Teak bench 150 cm\","
                + "\"description\":\"Three-seater of FSC teak, oiled\",\"SKU\":\"GF-BENCH-" + suffix + "\",\"price\":\"349.00\","
                + "\"category\":" + category.getInt("id") + ",\"tags\":[" + tag.getInt("id") + "],\"cost_price\":\"182.00\","
                + "\"lead_time_days\":21,\"service_level\":\"0.98\"}"));
        bench = product.getInt("id");
        String productPath = "api/products/" + bench + "/";
        record("listProducts", "200", get("api/products/?limit=" + LIST_ROWS, analyst));
        record("getProduct", "200", get(productPath, analyst));
        record("updateProduct", "200", patch(productPath, "{\"price\":\"329.00\"}"));
        record("replaceProduct", "200", put(productPath, "{\"name\":\"Teak bench 150 cm\",\"SKU\":\"GF-BENCH-" + suffix
                + "\",\"price\":\"339.00\",\"category\":" + category.getInt("id") + ",\"tags\":[" + tag.getInt("id") + "]}"));

        JsonObject stock = record("createInventory", "201", post("api/inventory/", admin,
                "{\"product\":" + product.getInt("id") + ",\"quantity\":40,\"low_stock_threshold\":5}"));
        String stockPath = "api/inventory/" + stock.getInt("id") + "/";
        record("listInventory", "200", get("api/inventory/?limit=" + LIST_ROWS, analyst));
        record("getInventory", "200", get(stockPath, analyst));
        record("updateInventory", "200", patch(stockPath, "{\"quantity\":60}"));
        record("replaceInventory", "200", put(stockPath, "{\"product\":" + product.getInt("id")
                + ",\"quantity\":55,\"low_stock_threshold\":8}"));
    }

    private void customersAndOrders() {
        JsonObject customer = record("createCustomer", "201", post("api/customers/", admin,
                "{\"name\":\"Ingrid Lindqvist\",\"email\":\"ingrid.lindqvist." + suffix + "@example.se\",\"country\":\"Sweden\"}"));
        String customerPath = "api/customers/" + customer.getInt("id") + "/";
        record("listCustomers", "200", get("api/customers/?limit=" + LIST_ROWS, analyst));
        record("getCustomer", "200", get(customerPath, analyst));
        record("updateCustomer", "200", patch(customerPath, "{\"name\":\"Ingrid Lindqvist-Berg\"}"));
        record("replaceCustomer", "200", put(customerPath, "{\"name\":\"Ingrid Lindqvist\",\"email\":\"ingrid.lindqvist."
                + suffix + "@example.se\",\"country\":\"SE\"}"));

        JsonArray products = get("api/products/?limit=3&is_active=true&ordering=id", analyst).asJsonArray();
        long first = products.getJsonObject(0).getInt("id");
        long second = products.getJsonObject(1).getInt("id");
        long third = products.getJsonObject(2).getInt("id");
        JsonObject order = record("placeOrder", "201", post("api/orders/", admin, "{\"customer\":" + customer.getInt("id")
                + ",\"items\":[{\"product\":" + first + ",\"quantity\":2},{\"product\":" + second + ",\"quantity\":1}]}"));
        long orderId = order.getInt("id");
        String orderPath = "api/orders/" + orderId + "/";
        record("listOrders", "200", get("api/orders/?limit=" + LIST_ROWS + "&ordering=-order_date", analyst));
        record("getOrder", "200", get(orderPath, analyst));

        JsonObject added = record("addOrderItem", "201", post("api/order-items/", admin,
                "{\"order\":" + orderId + ",\"product\":" + third + ",\"quantity\":1}"));
        String linePath = "api/order-items/" + added.getInt("id") + "/";
        record("listOrderItems", "200", get("api/order-items/?order=" + orderId, analyst));
        record("getOrderItem", "200", get(linePath, analyst));
        record("updateOrderItem", "200", patch(linePath, "{\"quantity\":2}"));
        record("replaceOrderItem", "200", put(linePath, "{\"order\":" + orderId + ",\"product\":" + third
                + ",\"quantity\":3}"));
        expect(request(linePath, admin).delete(), 204);

        record("updateOrder", "200", patch(orderPath, "{\"status\":\"shipped\"}"));
        record("replaceOrder", "200", put(orderPath, "{\"customer\":" + customer.getInt("id") + ",\"status\":\"delivered\","
                + "\"items\":[{\"product\":" + first + ",\"quantity\":2},{\"product\":" + second + ",\"quantity\":1}]}"));
        JsonObject refund = record("refundOrder", "201", post("api/orders/" + orderId + "/refunds/", admin,
                "{\"items\":[{\"product\":" + second + ",\"quantity\":1}],\"restock\":true,\"reason\":\"Arrived scratched\"}"));
        record("getRefund", "200", get("api/orders/" + orderId + "/refunds/" + refund.getInt("id") + "/", analyst));
        record("listRefunds", "200", get("api/orders/" + orderId + "/refunds/", analyst));
        record("getOrderTax", "200", get("api/order/" + orderId + "/tax/", analyst));
        recordNamed("getCustomersReport", "200", "ranked_by_predicted_clv",
                get("api/analytics/customers/?ordering=-predicted_clv&limit=" + LIST_ROWS, analyst));
        record("getCustomerLifetimeValue", "200", get("api/customer/" + customer.getInt("id") + "/clv/", analyst));
        record("getRecommendations", "200", get("api/recommendations/" + customer.getInt("id") + "/?limit=3", analyst));
        post("api/orders/", admin, "{\"customer\":" + customer.getInt("id") + ",\"items\":[{\"product\":" + bench
                + ",\"quantity\":1}]}");
        record("deleteProduct", "200", json(request("api/products/" + bench + "/", admin).delete(), 200));
    }

    private void analytics() {
        LocalDate today = LocalDate.now();
        String month = "start_date=" + today.minusDays(29) + "&end_date=" + today;
        for (String type : new String[] {"revenue_by_category", "revenue_by_country", "revenue_by_product",
                "top_selling_products"}) {
            String only = switch (type) {
                case "revenue_by_product" -> "&limit=3";
                case "top_selling_products" -> "&limit=3&country=" + operations.get("getSalesAnalytics").get("200")
                        .get("revenue_by_country").asJsonArray().getJsonObject(0).getString("country");
                default -> "";
            };
            recordNamed("getSalesAnalytics", "200", type,
                    get("api/analytics/sales/?type=" + type + "&" + month + "&compare=previous_period" + only, analyst));
        }
        recordNamed("getSalesAnalytics", "200", "revenue_over_time", get("api/analytics/sales/?type=revenue_over_time"
                + "&interval=week&start_date=" + today.minusWeeks(3).with(java.time.DayOfWeek.MONDAY) + "&end_date=" + today
                + "&compare=previous_year", analyst));
        recordNamed("getSalesAnalytics", "200", "churn_rate", get("api/analytics/sales/?type=churn_rate", analyst));
        record("getStore", "200", get("api/store/", analyst));
        record("getCustomersReport", "200", get("api/analytics/customers/?limit=" + LIST_ROWS, analyst));
        record("rebuildDemandForecast", "200", post("api/analytics/inventory/forecast/rebuild/", admin, "{}"));
        record("getDemandForecast", "200", get("api/analytics/inventory/forecast/", analyst));
        record("getInventoryReport", "200", get("api/analytics/inventory/?limit=" + LIST_ROWS, analyst));
        record("getReorderSuggestions", "200", get("api/analytics/inventory/reorder/?limit=" + LIST_ROWS, analyst));
        record("getStockValue", "200", get("api/analytics/inventory/value/", analyst));
        record("listProductMargins", "200", get("api/analytics/inventory/margin/?limit=" + LIST_ROWS, analyst));
        stockAlerts();
        record("evaluateRecommendations", "200", get("api/recommendations/evaluation/?customers=300", admin));
        record("rebuildAggregates", "200", post("api/analytics/rebuild/", admin, "{}"));
        record("rebuildRecommendations", "200", post("api/recommendations/rebuild/", admin, "{}"));
        record("rebuildCustomerModel", "200", post("api/analytics/customer-models/rebuild/", admin, "{}"));
        record("getCustomerModel", "200", get("api/analytics/customer-models/", analyst));
        record("evaluateCustomerModel", "200", get("api/analytics/customer-models/evaluation/?cut_off="
                + today.minusDays(91) + "&holdout_end=" + today.minusDays(1), analyst));
        recordNamed("getSalesAnalytics", "200", "churn_rate_model",
                get("api/analytics/sales/?type=churn_rate&definition=model", analyst));
        recordNamed("getSalesAnalytics", "200", "cohort_retention", get("api/analytics/sales/?type=cohort_retention"
                + "&interval=month&start_date=" + today.minusMonths(3).withDayOfMonth(1) + "&end_date=" + today, analyst));
        record("getRfmSegments", "200", get("api/analytics/segments/", analyst));
        record("listSegmentCustomers", "200", get("api/analytics/segments/champions/?limit=" + LIST_ROWS, analyst));
        recordNamed("getCustomersReport", "200", "ranked_by_predicted_clv",
                get("api/analytics/customers/?ordering=-predicted_clv&limit=" + LIST_ROWS, analyst));
        record("getCustomerLifetimeValue", "200", get("api/customer/" + firstCustomer() + "/clv/?horizon_days=365", analyst));
    }

    private void taxes() {
        record("listTaxRates", "200", get("api/tax-rates/", analyst));
        record("createTaxRate", "200", post("api/tax-rates/", admin, "{\"country\":\"IS\",\"rate\":\"0.24\"}"));
        record("getTaxRate", "200", get("api/tax-rates/IS/", analyst));
        record("replaceTaxRate", "200", put("api/tax-rates/IS/", "{\"rate\":\"0.24\"}"));
        expect(request("api/tax-rates/IS/", admin).delete(), 204);
    }

    private void accounts() {
        String username = "maria.keller." + suffix;
        String password = "Spring-Sale-2026-" + suffix;
        JsonObject user = record("createUser", "201", post("api/users/", admin,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"analyst\"}"));
        record("listUsers", "200", get("api/users/", admin));
        record("getUser", "200", get("api/users/" + user.getInt("id") + "/", admin));
        record("updateUser", "200", patch("api/users/" + user.getInt("id") + "/", "{\"role\":\"analyst\",\"is_active\":true}"));
        JsonObject tokens = record("login", "200", post("api/token/", null, Api.credentials(username, password)));
        record("refreshTokens", "200", post("api/token/refresh/", null, "{\"refresh\":\"" + tokens.getString("refresh") + "\"}"));
        try (Response form = Api.request("api/token/oauth/").post(Entity.form(new jakarta.ws.rs.core.Form()
                .param("grant_type", "password").param("username", username).param("password", password)))) {
            record("loginWithPasswordGrant", "200", json(form, 200));
        }
        record("getJsonWebKeySet", "200", get("api/token/jwks/", null));
    }

    private void imports() {
        String day = LocalDate.now().minusDays(400).toString();
        String csv = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "581001,GF-LAMP-" + suffix + ",SOLAR GARDEN LAMP,4," + day + " 10:15,12.50,90" + suffix + ",Germany\n"
                + "581001,GF-POT-" + suffix + ",TERRACOTTA POT 30CM,2," + day + " 10:15,8.95,90" + suffix + ",Germany\n"
                + "581002,GF-LAMP-" + suffix + ",SOLAR GARDEN LAMP,-1," + day + " 16:40,12.50,,Germany\n";
        JsonObject report;
        try (Response response = Api.request("api/import/orders/", admin).post(Entity.entity(csv, "text/csv"))) {
            report = record("importSalesCsv", "200", json(response, 200));
        }
        try (Response response = Api.request("api/import/orders/?async=true", admin).post(Entity.entity(csv, "text/csv"))) {
            record("importSalesCsv", "202", json(response, 202));
        }
        record("listImports", "200", get("api/imports/?limit=" + LIST_ROWS, admin));
        JsonValue id = report.get("id");
        record("getImport", "200", get("api/imports/" + id + "/", admin));
        record("listImportRejections", "200", get("api/imports/" + id + "/rejections/", admin));
    }

    private void errorsOfEveryKind() {
        error("400", Api.request("api/products/?limit=abc", analyst).get());
        error("401", Api.request("api/products/").get());
        error("403", Api.request("api/categories/", analyst).post(Entity.json("{\"name\":\"Toys\"}")));
        error("404", Api.request("api/products/987654321/", analyst).get());
        error("406", Api.request("api/products/", analyst, "image/png").get());
        error("409", Api.request("api/orders/", admin).post(Entity.json("{\"customer\":" + firstCustomer()
                + ",\"items\":[{\"product\":" + firstProduct() + ",\"quantity\":1000000}]}")));
        error("413", Api.request("api/categories/", admin).post(Entity.json("{\"name\":\"" + "x".repeat(1_100_000) + "\"}")));
        error("415", Api.request("api/categories/", admin).post(Entity.entity("name=Toys", MediaType.TEXT_PLAIN_TYPE)));
        String throttled = "throttled." + suffix;
        for (int attempt = 0; attempt < 11; attempt++) {
            try (Response refused = Api.post("api/token/", Api.credentials(throttled, "not-the-password"))) {
                if (refused.getStatus() == 429) {
                    errors.put("429", Map.of("Too many failed logins", Api.parse(refused.readEntity(String.class))));
                    break;
                }
            }
        }
    }

    /** 500 and 503 cannot be provoked from outside: theirs are written as the server writes them. */
    private void errorsTheServerWritesAlone() {
        String incident = UUID.randomUUID().toString();
        errors.put("500", Map.of("Internal Server Error", Api.parse(JsonbConfiguration.JSONB.toJson(ApiError.incident(
                incident, "An unexpected error occurred; it has been logged as incident " + incident + ".")))));
        errors.put("503", Map.of("Service Unavailable", Api.parse(JsonbConfiguration.JSONB.toJson(ApiError.of(
                Response.Status.SERVICE_UNAVAILABLE, new StoreBusy(null).getMessage(), List.of())))));
    }

    private long firstCustomer() {
        return get("api/customers/?limit=1", analyst).asJsonArray().getJsonObject(0).getInt("id");
    }

    private long firstProduct() {
        return get("api/products/?limit=1&is_active=true", analyst).asJsonArray().getJsonObject(0).getInt("id");
    }

    private void error(String status, Response response) {
        try (response) {
            JsonValue body = json(response, Integer.parseInt(status));
            errors.put(status, Map.of(body.asJsonObject().getString("error"), body));
        }
    }

    private JsonObject record(String operation, String status, JsonValue answer) {
        recordNamed(operation, status, "demo store", answer);
        return answer instanceof JsonObject object ? object : null;
    }

    private void recordNamed(String operation, String status, String name, JsonValue answer) {
        operations.computeIfAbsent(operation, o -> new TreeMap<>()).computeIfAbsent(status, s -> new TreeMap<>())
                .put(name, trimmed(answer));
    }

    /** Lists keep their first rows: an example shows the shape, not the store. */
    private static JsonValue trimmed(JsonValue answer) {
        if (answer instanceof JsonArray array && array.size() > LIST_ROWS) {
            JsonArrayBuilder first = Json.createArrayBuilder();
            array.stream().limit(LIST_ROWS).forEach(first::add);
            return first.build();
        }
        return answer;
    }

    /** A parasol out of stock from its creation: the stock watch alerts it within a few of its checks. */
    private void stockAlerts() {
        long parasol = ((JsonObject) post("api/products/", admin, "{\"name\":\"Cantilever parasol 3 m\",\"SKU\":\"GF-PARASOL-"
                + suffix + "\",\"price\":\"189.00\",\"category\":" + gardenCategory + ",\"cost_price\":\"96.00\"}")).getInt("id");
        post("api/inventory/", admin, "{\"product\":" + parasol + ",\"quantity\":0}");
        JsonArray alerts = JsonValue.EMPTY_JSON_ARRAY;
        for (int poll = 0; poll < 240 && alerts.isEmpty(); poll++) {
            sleep(250);
            alerts = get("api/alerts/?product=" + parasol, analyst).asJsonArray();
        }
        record("listAlerts", "200", get("api/alerts/?product=" + parasol, analyst));
        record("getAlert", "200", get("api/alerts/" + alerts.getJsonObject(0).getInt("id") + "/", analyst));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonValue get(String path, String token) {
        return json(request(path, token).get(), 200);
    }

    private JsonValue post(String path, String token, String body) {
        Response response = request(path, token).post(Entity.json(body));
        return json(response, response.getStatus() == 201 ? 201 : 200);
    }

    private JsonValue patch(String path, String body) {
        return json(request(path, admin).method("PATCH", Entity.json(body)), 200);
    }

    private JsonValue put(String path, String body) {
        return json(request(path, admin).put(Entity.json(body)), 200);
    }

    private static Invocation.Builder request(String path, String token) {
        return token == null ? Api.request(path) : Api.request(path, token);
    }

    private static void expect(Response response, int status) {
        try (response) {
            assertEquals(status, response.getStatus(), () -> response.readEntity(String.class));
        }
    }

    private static JsonValue json(Response response, int status) {
        try (response) {
            String body = response.readEntity(String.class);
            assertEquals(status, response.getStatus(), body);
            return Api.parse(body);
        }
    }

    private void write(Path file) throws IOException {
        JsonObjectBuilder byOperation = Json.createObjectBuilder();
        operations.forEach((operation, statuses) -> {
            JsonObjectBuilder byStatus = Json.createObjectBuilder();
            statuses.forEach((status, named) -> byStatus.add(status, named(named)));
            byOperation.add(operation, byStatus);
        });
        JsonObjectBuilder byError = Json.createObjectBuilder();
        errors.forEach((status, named) -> byError.add(status, named(named)));
        JsonStructure examples = Json.createObjectBuilder().add("operations", byOperation).add("errors", byError).build();
        JsonWriterFactory writers = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        StringWriter text = new StringWriter();
        writers.createWriter(text).write(examples);
        Files.writeString(file, text.toString().strip() + "\n");
    }

    private static JsonObjectBuilder named(Map<String, JsonValue> examples) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        examples.forEach(builder::add);
        return builder;
    }
}
