package com.ecommerce.analytics.reports.control;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.ecommerce.analytics.analytics.control.Interval;
import com.ecommerce.analytics.analytics.control.RevenueSeries;
import com.ecommerce.analytics.analytics.control.SalesAnalytics;
import com.ecommerce.analytics.analytics.control.SalesAnalytics.CategoryRevenue;
import com.ecommerce.analytics.analytics.control.SalesAnalytics.CountryRevenue;
import com.ecommerce.analytics.analytics.control.SalesAnalytics.ProductRevenue;
import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.platform.database.InList;
import com.ecommerce.analytics.platform.database.UtcInstantConverter;
import com.ecommerce.analytics.platform.money.StoreCurrency;
import com.ecommerce.analytics.tax.control.TaxRates;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The monthly sales report as a workbook: Summary, By product, By category, By country and By day from the
 * same aggregates as /api/analytics/sales/ (so they agree to the cent), then every order line and refund
 * of the month read from the database in pages into a small window of rows, the rest held in temporary files.
 */
@Stateless
public class MonthlySalesWorkbook {

    private static final int ROW_WINDOW = 100;
    private static final int PAGE = 1_000;

    @Inject
    RevenueSeries series;

    @Inject
    SalesAnalytics analytics;

    @Inject
    TaxRates rates;

    @Inject
    StoreCalendar calendar;

    @Inject
    ExportFiles files;

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    public void write(YearMonth month, OutputStream out) throws IOException {
        files.useExportDirectory();
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        RevenueSeries.Series days = series.of(first, last, Interval.DAY, null);
        List<ProductRevenue> products = analytics.revenueByProduct(first, last, null, Integer.MAX_VALUE);
        // close() deletes the temporary files, whether the workbook was written, failed, or the client went away.
        // They are left uncompressed: compressing them costs a quarter of a big month's export time.
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
            workbook.setCompressTempFiles(false);
            CellStyles styles = new CellStyles(workbook, StoreCurrency.currency());
            new SummarySheet(styles).write(month, calendar.zone().getId(), days.totals(), products);
            byProduct(styles, products, days.totals().netRevenue());
            byCategory(styles, analytics.revenueByCategory(first, last, null), days.totals().netRevenue());
            byCountry(styles, analytics.revenueByCountry(first, last, null), days.totals().netRevenue());
            byDay(styles, days);
            orderLines(styles, first, last.plusDays(1));
            refunds(styles, first, last.plusDays(1));
            workbook.write(out);
        }
    }

    private static void byProduct(CellStyles styles, List<ProductRevenue> products, BigDecimal net) {
        SheetWriter sheet = new SheetWriter(styles, "By product", List.of(Column.text("SKU", 14), Column.text("Product", 32),
                Column.text("Category", 18), Column.whole("Units sold"), Column.whole("Order lines"),
                Column.money("Gross sales"), Column.money("Refunds"), Column.money("Net revenue"),
                Column.share("Share of net revenue")));
        long units = 0;
        long lines = 0;
        for (ProductRevenue p : products) {
            sheet.row(p.sku(), p.name(), p.categoryName(), p.unitsSold(), p.orders(), p.grossSales(), p.refunds(),
                    p.totalRevenue(), share(p.totalRevenue(), net));
            units += p.unitsSold();
            lines += p.orders();
        }
        sheet.totalRow("Total", null, null, units, lines, sum(products.stream().map(ProductRevenue::grossSales).toList()),
                sum(products.stream().map(ProductRevenue::refunds).toList()), net, share(net, net));
    }

    private static void byCategory(CellStyles styles, List<CategoryRevenue> categories, BigDecimal net) {
        SheetWriter sheet = new SheetWriter(styles, "By category", List.of(Column.text("Category", 24),
                Column.whole("Units sold"), Column.whole("Order lines"), Column.money("Gross sales"), Column.money("Refunds"),
                Column.money("Net revenue"), Column.share("Share of net revenue")));
        for (CategoryRevenue c : categories) {
            sheet.row(c.categoryName(), c.unitsSold(), c.orderLines(), c.grossSales(), c.refunds(), c.totalRevenue(),
                    share(c.totalRevenue(), net));
        }
        sheet.totalRow("Total", categories.stream().mapToLong(CategoryRevenue::unitsSold).sum(),
                categories.stream().mapToLong(CategoryRevenue::orderLines).sum(),
                sum(categories.stream().map(CategoryRevenue::grossSales).toList()),
                sum(categories.stream().map(CategoryRevenue::refunds).toList()), net, share(net, net));
    }

    /** Tax per country at its rate, rounded per country: the Summary's tax is their sum. */
    private void byCountry(CellStyles styles, List<CountryRevenue> countries, BigDecimal net) {
        SheetWriter sheet = new SheetWriter(styles, "By country", List.of(Column.text("Country", 9),
                Column.whole("Orders"), Column.whole("Units sold"), Column.money("Gross sales"), Column.money("Refunds"),
                Column.money("Net revenue"), Column.money("Tax"), Column.share("Share of net revenue")));
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        for (CountryRevenue c : countries) {
            BigDecimal countryTax = rates.forCountry(new CountryCode(c.country())).taxOn(c.totalRevenue());
            sheet.row(c.country(), c.orders(), c.unitsSold(), c.grossSales(), c.refunds(), c.totalRevenue(), countryTax,
                    share(c.totalRevenue(), net));
            tax = tax.add(countryTax);
        }
        sheet.totalRow("Total", countries.stream().mapToLong(CountryRevenue::orders).sum(),
                countries.stream().mapToLong(CountryRevenue::unitsSold).sum(),
                sum(countries.stream().map(CountryRevenue::grossSales).toList()),
                sum(countries.stream().map(CountryRevenue::refunds).toList()), net, tax, share(net, net));
    }

    private static void byDay(CellStyles styles, RevenueSeries.Series days) {
        SheetWriter sheet = new SheetWriter(styles, "By day", List.of(Column.date("Date"), Column.whole("Orders"),
                Column.whole("Units sold"), Column.money("Gross sales"), Column.money("Refunds"), Column.money("Net revenue")));
        for (RevenueSeries.Point day : days.buckets()) {
            sheet.row(day.startDate(), day.orders(), day.unitsSold(), day.grossSales(), day.refunds(), day.netRevenue());
        }
        RevenueSeries.Totals totals = days.totals();
        sheet.totalRow("Total", totals.orders(), totals.unitsSold(), totals.grossSales(), totals.refunds(),
                totals.netRevenue());
    }

    /** Lines of the month's orders that are not canceled: together they are the month's gross sales. */
    private void orderLines(CellStyles styles, LocalDate first, LocalDate next) {
        SheetWriter sheet = new SheetWriter(styles, "Order lines", List.of(Column.whole("Order"),
                Column.dateTime("Date (store time)"), Column.whole("Customer ID"), Column.text("Customer", 24),
                Column.text("Country", 9), Column.text("SKU", 14), Column.text("Product", 32), Column.whole("Quantity"),
                Column.money("Unit price"), Column.money("Line total"), Column.text("Status", 11)));
        inPages("SELECT id FROM orders WHERE order_date >= ? AND order_date < ? AND status <> 'canceled' "
                + "ORDER BY order_date, id", "SELECT o.id, o.order_date, c.id, c.name, o.country, p.sku, p.name, i.quantity, "
                + "i.price_at_time_of_order, o.status FROM orders o JOIN order_item i ON i.order_id = o.id "
                + "JOIN product p ON p.id = i.product_id JOIN customer c ON c.id = o.customer_id WHERE o.id IN %s "
                + "ORDER BY o.order_date, o.id, i.id", first, next, row -> {
                    BigDecimal price = row.getBigDecimal(9);
                    int quantity = row.getInt(8);
                    sheet.row(row.getLong(1), storeTime(row, 2), row.getLong(3), row.getString(4), row.getString(5),
                            row.getString(6), row.getString(7), quantity, price,
                            price.multiply(BigDecimal.valueOf(quantity)), row.getString(10));
                });
        sheet.finish();
    }

    /** Refunds dated in the month, of orders not canceled: together they are the month's refunds. */
    private void refunds(CellStyles styles, LocalDate first, LocalDate next) {
        SheetWriter sheet = new SheetWriter(styles, "Refunds", List.of(Column.whole("Refund"),
                Column.dateTime("Date (store time)"), Column.whole("Order"), Column.whole("Customer ID"),
                Column.text("Customer", 24), Column.text("Country", 9), Column.text("SKU", 14), Column.text("Product", 32),
                Column.whole("Quantity"), Column.money("Amount")));
        inPages("SELECT r.id FROM refund r JOIN orders o ON o.id = r.order_id WHERE r.refund_date >= ? "
                + "AND r.refund_date < ? AND o.status <> 'canceled' ORDER BY r.refund_date, r.id",
                "SELECT r.id, r.refund_date, o.id, c.id, c.name, o.country, p.sku, p.name, ri.quantity, ri.amount "
                + "FROM refund r JOIN orders o ON o.id = r.order_id JOIN refund_item ri ON ri.refund_id = r.id "
                + "JOIN order_item oi ON oi.id = ri.order_item_id JOIN product p ON p.id = oi.product_id "
                + "JOIN customer c ON c.id = o.customer_id WHERE r.id IN %s ORDER BY r.refund_date, r.id, ri.id",
                first, next, row ->
                sheet.row(row.getLong(1), storeTime(row, 2), row.getLong(3), row.getLong(4), row.getString(5),
                        row.getString(6), row.getString(7), row.getString(8), row.getInt(9), row.getBigDecimal(10)));
        sheet.finish();
    }

    private interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    /**
     * Rows in pages: the ids of the store days first to next (exclusive), in order, then the rows of a
     * thousand ids at a time, so memory holds the ids (8 bytes each) and one page, however big the month.
     */
    private void inPages(String idsSql, String rowsSql, LocalDate first, LocalDate next, RowConsumer consumer) {
        try (Connection db = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement(idsSql)) {
                query.setObject(1, UtcInstantConverter.toColumn(calendar.startOf(first)));
                query.setObject(2, UtcInstantConverter.toColumn(calendar.startOf(next)));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            for (int from = 0; from < ids.size(); from += PAGE) {
                List<Long> page = ids.subList(from, Math.min(ids.size(), from + PAGE));
                try (PreparedStatement query = db.prepareStatement(String.format(rowsSql, InList.of(page.size())))) {
                    InList.bind(query, 1, page);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            consumer.accept(rows);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the month's sales", e);
        }
    }

    private LocalDateTime storeTime(ResultSet row, int column) throws SQLException {
        return row.getObject(column, LocalDateTime.class).atOffset(ZoneOffset.UTC).atZoneSameInstant(calendar.zone())
                .toLocalDateTime();
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 6, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
