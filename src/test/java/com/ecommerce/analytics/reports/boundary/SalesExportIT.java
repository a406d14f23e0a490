package com.ecommerce.analytics.reports.boundary;

import static com.ecommerce.analytics.testing.Api.admin;
import static com.ecommerce.analytics.testing.Api.analyst;
import static com.ecommerce.analytics.testing.Api.created;
import static com.ecommerce.analytics.testing.Api.request;
import static com.ecommerce.analytics.testing.ErrorAssertions.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ecommerce.analytics.testing.Api;
import com.ecommerce.analytics.testing.Store;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * A hand-computed month in the store time zone (America/New_York on the test server), picked at random
 * among 2001-2015 so that a kept test database does not mix runs: a canceled order, a refund, two
 * countries, and an order at 23:30 on the month's last day.
 */
class SalesExportIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final ZoneId STORE = ZoneId.of("America/New_York");
    private static final Path TEMPORARY_FILES = Path.of("target/it-data/exports-tmp");
    private static final Random RANDOM = new Random();
    /** Its figures are the whole store's: no other test writes orders dated 2001 to 2015. */
    private static final YearMonth MONTH = YearMonth.of(2001 + RANDOM.nextInt(15), 1 + RANDOM.nextInt(12));
    private static String phoneSku;
    private static String caseSku;
    private static long lateOrder;

    @BeforeAll
    static void month() {
        long phone = Store.product("100.00", 100);
        long phoneCase = Store.product("20.00", 100);
        phoneSku = Api.getObject("api/products/" + phone, admin()).getString("SKU");
        caseSku = Api.getObject("api/products/" + phoneCase, admin()).getString("SKU");
        long anna = Store.customer("GB");
        long bert = Store.customer("DE");
        order(anna, at(3, 12, 0), "delivered", phone, 2, phoneCase, 1);
        long refunded = order(bert, at(10, 12, 0), "delivered", phone, 1, phoneCase, 0);
        created("api/orders/" + refunded + "/refunds/", admin(), "{\"refund_date\":\"" + at(12, 12, 0) + "\","
                + "\"items\":[{\"product\":" + phone + ",\"quantity\":1}]}");
        long canceled = order(anna, at(5, 12, 0), "pending", phoneCase, 5, phone, 0);
        Api.patch("api/orders/" + canceled, admin(), "{\"status\":\"canceled\"}").close();
        lateOrder = order(anna, at(MONTH.lengthOfMonth(), 23, 30), "delivered", phoneCase, 1, phone, 0);
    }

    private static String at(int day, int hour, int minute) {
        return LocalDateTime.of(MONTH.atDay(day), LocalTime.of(hour, minute)).atZone(STORE).toInstant().toString();
    }

    private static long order(long customer, String date, String status, long product, int quantity, long other,
                              int otherQuantity) {
        String items = "{\"product\":" + product + ",\"quantity\":" + quantity + "}"
                + (otherQuantity == 0 ? "" : ",{\"product\":" + other + ",\"quantity\":" + otherQuantity + "}");
        long order = created("api/orders/", admin(), "{\"customer\":" + customer + ",\"order_date\":\"" + date
                + "\",\"items\":[" + items + "]}").getInt("id");
        Store.advance(order, status);
        return order;
    }

    private static XSSFWorkbook export(YearMonth month, String token) throws IOException {
        try (Response response = request("api/export-sales/" + month.getMonthValue() + "/" + month.getYear() + "/", token)
                .get()) {
            assertEquals(200, response.getStatus());
            assertEquals(XLSX, response.getMediaType().toString());
            assertEquals("attachment; filename=Sales_Report_" + month.getMonthValue() + "_" + month.getYear() + ".xlsx",
                    response.getHeaderString("Content-Disposition"));
            try (InputStream body = response.readEntity(InputStream.class)) {
                return new XSSFWorkbook(body);
            }
        }
    }

    /** The Summary's figures by label. */
    private static Map<String, Cell> summary(XSSFWorkbook workbook) {
        Map<String, Cell> figures = new HashMap<>();
        for (Row row : workbook.getSheet("Summary")) {
            if (row.getCell(0) != null && row.getCell(1) != null && row.getCell(0).getCellType() == CellType.STRING) {
                figures.putIfAbsent(row.getCell(0).getStringCellValue(), row.getCell(1));
            }
        }
        return figures;
    }

    private static List<Row> dataRows(XSSFSheet sheet) {
        List<Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && !"Total".equals(text(row.getCell(0)))) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static String text(Cell cell) {
        return cell != null && cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : null;
    }

    private static Row productRow(XSSFWorkbook workbook, String sku) {
        return dataRows(workbook.getSheet("By product")).stream().filter(r -> sku.equals(text(r.getCell(0)))).findFirst()
                .orElseThrow(() -> new AssertionError(sku + " not in By product"));
    }

    @Test
    void theWorkbookHasEverySheetWithRealTypesAndHandComputedFigures() throws IOException {
        try (XSSFWorkbook workbook = export(MONTH, analyst())) {
            assertEquals(List.of("Summary", "By product", "By category", "By country", "By day", "Order lines", "Refunds"),
                    Stream.iterate(0, i -> i < workbook.getNumberOfSheets(), i -> i + 1).map(workbook::getSheetName).toList());
            Map<String, Cell> figures = summary(workbook);
            assertEquals(MONTH.toString(), figures.get("Period").getStringCellValue());
            assertTrue(DateUtil.isCellDateFormatted(figures.get("From")));
            assertEquals(MONTH.atDay(1), figures.get("From").getLocalDateTimeCellValue().toLocalDate());
            assertEquals(340.0, figures.get("Gross sales").getNumericCellValue(), "200 + 20 + 100 + 20; not the canceled order");
            assertEquals(100.0, figures.get("Refunds").getNumericCellValue());
            assertEquals(240.0, figures.get("Net revenue").getNumericCellValue());
            assertEquals("EUR", figures.get("Currency").getStringCellValue(), "STORE_CURRENCY's default");
            assertEquals("#,##0.00 [$EUR]", figures.get("Net revenue").getCellStyle().getDataFormatString());
            assertEquals(48.0, figures.get("Tax").getNumericCellValue(), "GB 240 x 20%; DE nets to 0");
            assertEquals(3.0, figures.get("Orders").getNumericCellValue());
            assertEquals(5.0, figures.get("Units sold").getNumericCellValue());
            assertEquals(113.33, figures.get("Average order value").getNumericCellValue(), 0.001);
            assertEquals(2.0, figures.get("Customers").getNumericCellValue());
            assertEquals(2.0, figures.get("New customers").getNumericCellValue());

            XSSFSheet byProduct = workbook.getSheet("By product");
            assertTrue(byProduct.getPaneInformation().isFreezePane());
            assertTrue(byProduct.getCTWorksheet().isSetAutoFilter());
            assertTrue(workbook.getFontAt(byProduct.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            Row phone = productRow(workbook, phoneSku);
            assertEquals(3.0, phone.getCell(3).getNumericCellValue(), "units");
            assertEquals(300.0, phone.getCell(5).getNumericCellValue(), "gross");
            assertEquals(100.0, phone.getCell(6).getNumericCellValue(), "refunds");
            assertEquals(200.0, phone.getCell(7).getNumericCellValue(), "net");
            assertEquals(200.0 / 240.0, phone.getCell(8).getNumericCellValue(), 0.000_01, "share");
            assertEquals(40.0, productRow(workbook, caseSku).getCell(7).getNumericCellValue());

            List<Row> lines = dataRows(workbook.getSheet("Order lines"));
            assertEquals(4, lines.size(), "two lines, one, and the late one; the canceled order has none");
            assertEquals(340.0, lines.stream().mapToDouble(r -> r.getCell(9).getNumericCellValue()).sum());
            Row late = lines.stream().filter(r -> r.getCell(0).getNumericCellValue() == lateOrder).findFirst().orElseThrow();
            assertEquals(LocalDateTime.of(MONTH.atEndOfMonth(), LocalTime.of(23, 30)), late.getCell(1).getLocalDateTimeCellValue(),
                    "store time, the month's last day");
            assertEquals("GB", late.getCell(4).getStringCellValue());

            List<Row> refunds = dataRows(workbook.getSheet("Refunds"));
            assertEquals(1, refunds.size());
            assertEquals(100.0, refunds.get(0).getCell(9).getNumericCellValue());

            List<Row> days = dataRows(workbook.getSheet("By day"));
            assertEquals(MONTH.lengthOfMonth(), days.size(), "every day, zeros included");
            assertEquals(340.0, days.stream().mapToDouble(r -> r.getCell(3).getNumericCellValue()).sum());
            assertEquals(48.0, dataRows(workbook.getSheet("By country")).stream()
                    .mapToDouble(r -> r.getCell(6).getNumericCellValue()).sum());
        }
    }

    @Test
    void theWorkbookAgreesWithTheAnalyticsForTheSameMonth() throws IOException {
        String range = "&start_date=" + MONTH.atDay(1) + "&end_date=" + MONTH.atEndOfMonth();
        JsonObject totals;
        try (Response response = request("api/analytics/sales/?type=revenue_over_time&interval=month" + range, analyst())
                .get()) {
            totals = Api.object(response).getJsonObject("totals");
        }
        try (XSSFWorkbook workbook = export(MONTH, admin())) {
            Map<String, Cell> figures = summary(workbook);
            for (String[] figure : new String[][] {{"Gross sales", "gross_sales"}, {"Refunds", "refunds"},
                    {"Net revenue", "net_revenue"}, {"Tax", "tax"}, {"Average order value", "average_order_value"}}) {
                assertEquals(new java.math.BigDecimal(totals.getString(figure[1])).doubleValue(),
                        figures.get(figure[0]).getNumericCellValue(), figure[0]);
            }
            assertEquals(totals.getInt("orders"), (int) figures.get("Orders").getNumericCellValue());
        }
    }

    @Test
    void anEmptyMonthIsAValidWorkbookOfHeadersAndZeros() throws IOException {
        // December 2000: CustomerModelsIT's orders end in September 2000, other tests' history lies elsewhere
        try (XSSFWorkbook workbook = export(YearMonth.of(2000, 12), analyst())) {
            assertEquals(7, workbook.getNumberOfSheets());
            assertEquals(0.0, summary(workbook).get("Gross sales").getNumericCellValue());
            assertEquals(0.0, summary(workbook).get("Orders").getNumericCellValue());
            assertEquals("Order", workbook.getSheet("Order lines").getRow(0).getCell(0).getStringCellValue());
            assertEquals(0, dataRows(workbook.getSheet("Order lines")).size());
            assertEquals(31, dataRows(workbook.getSheet("By day")).size());
        }
    }

    @Test
    void badMonthsAndYearsAre400AndAnonymousCallersAre401() {
        YearMonth next = YearMonth.now(STORE).plusMonths(1);
        for (String path : List.of("13/2020", "0/2020", "1/1999", "x/2020", "1/twenty",
                next.getMonthValue() + "/" + next.getYear(), "1/3000")) {
            try (Response response = request("api/export-sales/" + path + "/", analyst()).get()) {
                assertJsonError(response, 400);
            }
        }
        try (Response response = request("api/export-sales/1/2020/").get()) {
            assertJsonError(response, 401);
        }
    }

    @Test
    void noTemporaryFileOutlivesAnExportEvenWhenTheClientGoesAway() throws Exception {
        export(MONTH, analyst()).close();
        try (Response response = request("api/export-sales/" + MONTH.getMonthValue() + "/" + MONTH.getYear() + "/",
                analyst()).get(); InputStream body = response.readEntity(InputStream.class)) {
            assertTrue(body.read() >= 0);
        }
        for (int i = 0; i < 50 && leftovers() > 0; i++) {
            Thread.sleep(100);
        }
        assertEquals(0, leftovers(), "files left in " + TEMPORARY_FILES.toAbsolutePath());
    }

    private static long leftovers() throws IOException {
        try (Stream<Path> files = Files.list(TEMPORARY_FILES)) {
            return files.count();
        }
    }
}
