package com.ecommerce.analytics.dashboard;

import static com.ecommerce.analytics.testing.Api.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Browser;
import com.ecommerce.analytics.testing.ForgedTokens;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * The merchant's dashboard in a real headless Chromium: it logs in with a store account, shows the figures the API
 * gives for the chosen period, draws every chart, downloads a chart's table as CSV, survives an access token the
 * server no longer takes, and logging out ends the tokens on the server.
 */
class DashboardIT {

    private static final List<String> TILES = List.of("net_revenue", "orders", "average_order_value", "units_sold",
            "new_customers", "returning_customers", "refunds", "tax");
    private static final List<String> MONEY = List.of("net_revenue", "average_order_value", "refunds", "tax");

    private static Browser browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start(1400, 2200);
        Store.analyticsCaughtUp();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theAdminSeesTheApisFiguresForThePeriodAndEveryChartDraws() throws Exception {
        logIn(Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD);
        choose("preset", "last90");
        choose("compare", "previous_period");
        waitUntilReady();

        LocalDate today = LocalDate.parse(Api.getObject("api/store/", admin()).getString("today"));
        String range = "start_date=" + today.minusDays(89) + "&end_date=" + today;
        assertEquals(today.minusDays(89).toString(), value("start"));
        JsonObject series = Api.getObject("api/analytics/sales/?type=revenue_over_time&interval=week&compare=previous_period&"
                + range, admin());
        JsonObject totals = series.getJsonObject("totals");
        for (String tile : TILES) {
            WebElement shown = browser.driver().findElement(By.cssSelector(".tile[data-key='" + tile + "']"));
            String expected = totals.get(tile).toString().replace("\"", "");
            assertEquals(expected, shown.getDomAttribute("data-value"), tile);
            String figure = shown.findElement(By.className("value")).getText();
            assertEquals(expected, figure.replaceAll("[^0-9.]", ""), tile + " shown exactly: " + figure);
            assertTrue(!MONEY.contains(tile) || figure.contains("€"), tile + " in the store currency: " + figure);
        }
        assertTrue(browser.driver().findElement(By.cssSelector(".tile[data-key='net_revenue'] .change")).getText()
                .contains("previous period"));

        assertEquals(List.of(2L, (long) series.getJsonArray("buckets").size()), chart("chart-revenue"),
                "this period and the previous one, a point per week");
        JsonArray categories = array("api/analytics/sales/?type=revenue_by_category&compare=previous_period&" + range);
        assertEquals(List.of(2L, (long) categories.size()), chart("chart-category"));
        JsonArray countries = array("api/analytics/sales/?type=revenue_by_country&compare=previous_period&" + range);
        assertEquals(List.of(2L, (long) countries.size()), chart("chart-country"));
        String topCountry = countries.getJsonObject(0).getString("country");
        JsonArray top = array("api/analytics/sales/?type=top_selling_products&limit=10&country=" + topCountry + "&" + range);
        assertEquals(List.of(1L, (long) top.size()), chart("chart-top"));
        assertEquals(categories.size(), rows("table-category").size());
        assertEquals(top.getJsonObject(0).getString("name"), rows("table-top").get(0).findElement(By.tagName("td")).getText());

        Path csv = Browser.DOWNLOADS.resolve("category_" + today.minusDays(89) + "_" + today + ".csv");
        Files.deleteIfExists(csv);
        browser.driver().findElement(By.cssSelector("button[data-csv='category']")).click();
        browser.waiting(Duration.ofSeconds(20)).until(driver -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(categories.size() + 1, lines.size(), "a header and the table's rows: " + lines);
        for (WebElement row : rows("table-category")) {
            String category = row.findElement(By.tagName("td")).getText();
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(category + ",") || line.startsWith("\"" + category)),
                    category + " in " + lines);
        }
        browser.screenshot("dashboard-overview");
    }

    @Test
    void aPeriodWithoutSalesSaysSoInsteadOfDrawingNothing() {
        logIn(Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD);
        // a month ahead: no order is ever dated more than a day ahead, while other tests import old history
        browser.script("const start = document.getElementById('start'); start.value = '2099-01-01';"
                + "document.getElementById('end').value = '2099-01-31';"
                + "start.dispatchEvent(new Event('change'));");
        waitUntilReady();
        assertEquals("custom", value("preset"));
        assertEquals("0.00", browser.driver().findElement(By.cssSelector(".tile[data-key='net_revenue']"))
                .getDomAttribute("data-value"));
        for (String table : List.of("table-revenue", "table-category", "table-country", "table-top")) {
            assertTrue(browser.driver().findElement(By.id(table)).getText().contains("No sales in this period"), table);
        }
    }

    @Test
    void anExpiredAccessTokenIsRefreshedWithoutAVisibleError() throws Exception {
        logIn(Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD);
        String expired = ForgedTokens.signedByServerKey(ForgedTokens.expiredClaims(Api.ADMIN_USERNAME, "admin", 120));
        replaceAccessToken(expired);
        choose("compare", "previous_year");
        waitUntilReady();
        assertTrue(browser.driver().findElements(By.cssSelector("#overview .error")).isEmpty(), "no error shown");
        assertFalse(browser.driver().findElement(By.id("notice")).isDisplayed());
        String renewed = tokens().get("access");
        assertFalse(renewed.equals(expired));
        try (Response works = Api.request("api/store/", renewed).get()) {
            assertEquals(200, works.getStatus());
        }
    }

    @Test
    void anAccessTokenIsRenewedAMinuteBeforeItExpires() throws Exception {
        logIn(Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD);
        JwtClaims claims = ForgedTokens.validClaims(Api.ADMIN_USERNAME, "admin");
        NumericDate expires = NumericDate.now();
        expires.addSeconds(70);
        claims.setExpirationTime(expires);
        String soonExpiring = ForgedTokens.signedByServerKey(claims);
        replaceAccessToken(soonExpiring);
        browser.driver().navigate().refresh();
        waitUntilReady();
        browser.waiting(Duration.ofSeconds(30)).until(driver -> !soonExpiring.equals(tokens().get("access")));
        assertTrue(NumericDate.now().isBefore(expires), "renewed while the old token was still good");
        try (Response works = Api.request("api/store/", tokens().get("access")).get()) {
            assertEquals(200, works.getStatus());
        }
    }

    @Test
    void loggingOutEndsTheLoginOnTheServer() {
        String analyst = "dash-analyst-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        Api.created("api/users/", admin(), "{\"username\":\"" + analyst + "\",\"password\":\"" + password
                + "\",\"role\":\"analyst\"}");
        logIn(analyst, password);
        assertTrue(browser.driver().findElement(By.id("who")).getText().contains("(analyst)"));
        Map<String, String> tokens = tokens();

        browser.driver().findElement(By.id("logout")).click();
        browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        try (Response old = Api.request("api/store/", tokens.get("access")).get()) {
            assertEquals(401, old.getStatus(), "the access token ended with the login");
        }
        try (Response refresh = Api.post("api/token/refresh/", "{\"refresh\":\"" + tokens.get("refresh") + "\"}")) {
            assertEquals(401, refresh.getStatus());
        }
    }

    @Test
    void aCustomersPageShowsTheirValueOrdersRefundsAndRecommendationsAndChurnShowsBothDefinitions() throws IOException {
        String name = Api.unique("Dash Buyer");
        long customer = Api.created("api/customers/", admin(), "{\"name\":\"" + name + "\",\"email\":\""
                + Api.unique("dash") + "@example.com\",\"country\":\"NL\"}").getInt("id");
        long product = Store.product("25.00", 50);
        long order = Api.created("api/orders/", admin(), Store.order(customer, product, 2)).getInt("id");
        Store.advance(order, "delivered");
        Api.created("api/orders/" + order + "/refunds/", admin(), "{\"items\":[{\"product\":" + product
                + ",\"quantity\":1}],\"reason\":\"Too small\"}");

        logIn(Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD);
        go("customers");
        for (String definition : List.of("inactive", "cohort")) {
            double expected = Api.getObject("api/analytics/sales/?type=churn_rate&definition=" + definition, admin())
                    .getJsonNumber("churn_rate").doubleValue();
            assertEquals(expected, Double.parseDouble(browser.driver().findElement(By.cssSelector(
                    "#churn .tile[data-key='" + definition + "']")).getDomAttribute("data-value")), definition);
        }
        browser.driver().findElement(By.id("c-search")).sendKeys(name);
        browser.driver().findElement(By.cssSelector("#customer-filters button[type='submit']")).click();
        browser.waiting(Duration.ofSeconds(30)).until(driver -> rows("table-customers").size() == 1);
        assertEquals("1–1 of 1", browser.driver().findElement(By.id("c-position")).getText());
        rows("table-customers").get(0).findElement(By.linkText(name)).click();
        waitUntilReady("customer");

        assertEquals(name, browser.driver().findElement(By.id("customer-title")).getText());
        JsonObject clv = Api.getObject("api/customer/" + customer + "/clv/", admin());
        assertEquals("25.00", clv.getString("lifetime_value"), "two at 25.00, one refunded");
        assertEquals(clv.getString("lifetime_value"), browser.driver().findElement(By.cssSelector(
                "#clv .tile[data-key='lifetime_value']")).getDomAttribute("data-value"));
        assertEquals("#" + order, rows("table-orders").get(0).findElement(By.tagName("td")).getText());
        assertTrue(browser.driver().findElement(By.id("table-refunds")).getText().contains("Too small"));
        int recommended = array("api/recommendations/" + customer + "/?limit=5").size();
        assertEquals(recommended, rows("table-recommended").size());
        browser.screenshot("dashboard-customer");
    }

    @Test
    void theAdminImportsACsvAndDownloadsTheWorkbookAndTheAnalystSeesNoImport() throws IOException {
        String day = LocalDate.now().minusDays(500).toString();
        String sku = Api.unique("DASH");
        Path csv = Browser.DOWNLOADS.resolveSibling("dashboard-import.csv");
        Files.writeString(csv, "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "D" + sku + ",S" + sku + ",DASH LAMP,3," + day + " 10:00,4.50,"
                + (77_000 + Math.floorMod(sku.hashCode(), 1000)) + ",Germany\n"
                + "E" + sku + ",S" + sku + ",DASH LAMP,-1," + day + " 11:00,4.50,,Germany\n");
        logIn(Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD);
        go("reports");
        assertTrue(browser.driver().findElement(By.id("import-panel")).isDisplayed());
        browser.driver().findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.driver().findElement(By.cssSelector("#import-form button[type='submit']")).click();
        browser.waiting(Duration.ofSeconds(120)).until(driver -> "succeeded".equals(
                driver.findElement(By.id("import-summary")).getDomAttribute("data-status")));
        assertTrue(browser.driver().findElement(By.id("import-summary")).getText().contains("1 rejected"),
                browser.driver().findElement(By.id("import-summary")).getText());
        assertEquals(1, rows("table-rejections").size());

        LocalDate lastMonth = LocalDate.parse(Api.getObject("api/store/", admin()).getString("today")).minusMonths(1);
        Path workbook = Browser.DOWNLOADS.resolve("Sales_Report_" + lastMonth.getMonthValue() + "_" + lastMonth.getYear()
                + ".xlsx");
        Files.deleteIfExists(workbook);
        browser.driver().findElement(By.cssSelector("#export-form button[type='submit']")).click();
        browser.waiting(Duration.ofSeconds(120)).until(driver -> Files.exists(workbook));
        byte[] start = Files.readAllBytes(workbook);
        assertEquals("PK", new String(start, 0, 2, StandardCharsets.ISO_8859_1), "an .xlsx is a zip");

        String analyst = "dash-reader-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        Api.created("api/users/", admin(), "{\"username\":\"" + analyst + "\",\"password\":\"" + password
                + "\",\"role\":\"analyst\"}");
        logIn(analyst, password);
        go("reports");
        assertFalse(browser.driver().findElement(By.id("import-panel")).isDisplayed(), "no import for analysts");
        assertTrue(browser.driver().findElement(By.id("export-form")).isDisplayed());
    }

    @Test
    void onAPhoneTheOverviewFitsTheScreenAndTheLoginTakesTheKeyboardAlone() throws IOException {
        try (Browser phone = Browser.start(390, 844)) {
            phone.open("/dashboard/");
            WebElement name = phone.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertEquals(name, phone.driver().switchTo().activeElement(), "the login form has the focus");
            name.sendKeys(Api.ADMIN_USERNAME + Keys.TAB);
            phone.driver().switchTo().activeElement().sendKeys(Api.ADMIN_PASSWORD + Keys.ENTER);
            phone.waiting(Duration.ofSeconds(60)).until(driver -> "ready".equals(
                    driver.findElement(By.id("overview")).getDomAttribute("data-state")));
            assertTrue((Boolean) phone.script("const page = document.documentElement;"
                    + "return page.scrollWidth <= page.clientWidth;"), "nothing wider than the screen");
            phone.screenshot("dashboard-phone");
        }
    }

    @Test
    void thePagesForbidInlineScriptsAndScriptsFromElsewhere() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Api.BASE_URL + "/dashboard/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-eval"), policy);
        assertFalse(page.body().matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "a script without src");
    }

    private static void logIn(String username, String password) {
        browser.open("/dashboard/");
        browser.script("sessionStorage.clear();");
        browser.driver().navigate().refresh();
        WebElement name = browser.waiting(Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        name.sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("#login-form button[type='submit']")).click();
        waitUntilReady();
    }

    private static void waitUntilReady() {
        waitUntilReady("overview");
    }

    private static void waitUntilReady(String page) {
        browser.waiting(Duration.ofSeconds(60)).until(driver -> "ready".equals(
                driver.findElement(By.id(page)).getDomAttribute("data-state")));
    }

    /** Another page, as a click on the navigation does it. */
    private static void go(String page) {
        browser.driver().findElement(By.cssSelector("#nav a[href='#" + page + "']")).click();
        if (!page.equals("reports")) {
            waitUntilReady(page);
        } else {
            browser.waiting(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id(page)));
        }
    }

    private static void choose(String select, String value) {
        new Select(browser.driver().findElement(By.id(select))).selectByValue(value);
    }

    private static String value(String field) {
        return (String) browser.script("return document.getElementById(arguments[0]).value;", field);
    }

    /** The drawn chart's series count and the points of its first series, from ECharts itself. */
    @SuppressWarnings("unchecked")
    private static List<Long> chart(String id) {
        assertTrue((Boolean) browser.script("const canvas = document.querySelector('#' + arguments[0] + ' canvas');"
                + "return canvas !== null && canvas.width > 0 && canvas.height > 0;", id), id + " has a canvas");
        return (List<Long>) browser.script("const option = echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                + ".getOption(); return [option.series.length, option.series[0].data.length];", id);
    }

    private static List<WebElement> rows(String table) {
        return browser.driver().findElements(By.cssSelector("#" + table + " tbody tr"));
    }

    private static void replaceAccessToken(String access) {
        browser.script("const pair = JSON.parse(sessionStorage.getItem('dashboard.tokens'));"
                + "pair.access = arguments[0]; sessionStorage.setItem('dashboard.tokens', JSON.stringify(pair));", access);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> tokens() {
        return (Map<String, String>) browser.script("return JSON.parse(sessionStorage.getItem('dashboard.tokens'));");
    }

    private static JsonArray array(String path) {
        try (Response response = Api.request(path, admin()).get()) {
            assertEquals(200, response.getStatus(), path);
            return Api.parse(response.readEntity(String.class)).asJsonArray();
        }
    }
}
