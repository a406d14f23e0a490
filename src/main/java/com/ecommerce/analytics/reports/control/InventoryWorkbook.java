package com.ecommerce.analytics.reports.control;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.platform.money.StoreCurrency;
import com.ecommerce.analytics.stockplanning.control.CategoryValue;
import com.ecommerce.analytics.stockplanning.control.DemandForecasts;
import com.ecommerce.analytics.stockplanning.control.DemandModel;
import com.ecommerce.analytics.stockplanning.control.InventoryReport;
import com.ecommerce.analytics.stockplanning.control.PlanningTerms;
import com.ecommerce.analytics.stockplanning.control.StockPosition;
import com.ecommerce.analytics.stockplanning.control.StockStatus;
import com.ecommerce.analytics.stockplanning.control.StockValueReport;
import com.ecommerce.analytics.stockplanning.control.StockValues;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The inventory report as a workbook, with the sales workbook's conventions (bold frozen headers with filters, real
 * numbers and dates, money in the store's currency, totals in bold under each table): Summary, Inventory (every
 * line of /api/analytics/inventory/, most urgent first), Reorder (/api/analytics/inventory/reorder/) and By category
 * (/api/analytics/inventory/value/ over the window), all from one reading of the stock.
 */
@Stateless
public class InventoryWorkbook {

    private static final int ROW_WINDOW = 100;

    @Inject
    InventoryReport report;

    @Inject
    StockValues values;

    @Inject
    DemandForecasts forecasts;

    @Inject
    StoreCalendar calendar;

    @Inject
    ExportFiles files;

    public PlanningTerms terms(int windowDays, int horizonDays) {
        return report.terms(windowDays, horizonDays, null);
    }

    public void write(PlanningTerms terms, OutputStream out) throws IOException {
        files.useExportDirectory();
        List<StockPosition> lines = report.positions(new InventoryReport.Filter(null, null,
                EnumSet.noneOf(StockStatus.class)), terms);
        lines.sort(InventoryReport.URGENCY);
        List<StockPosition> reorder = lines.stream().filter(line -> line.reorderQuantity() > 0).toList();
        StockValueReport value = values.byCategory(terms.windowStart(), terms.today(), null);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
            workbook.setCompressTempFiles(false);
            CellStyles styles = new CellStyles(workbook, StoreCurrency.currency());
            summary(styles, terms, lines, reorder, value.total(), forecasts.inUse().model());
            inventory(styles, lines);
            reorder(styles, reorder);
            byCategory(styles, value);
            workbook.write(out);
        }
    }

    private void summary(CellStyles styles, PlanningTerms terms, List<StockPosition> lines, List<StockPosition> reorder,
                         CategoryValue store, DemandModel model) {
        Map<String, Long> statuses = lines.stream().collect(Collectors.groupingBy(StockPosition::status,
                Collectors.counting()));
        Object[][] figures = {
                {"As of", terms.today(), Column.Kind.DATE},
                {"Store time zone", calendar.zone().getId(), Column.Kind.TEXT},
                {"Currency", styles.currency().getCurrencyCode(), Column.Kind.TEXT},
                {"Sales window (days)", terms.windowDays(), Column.Kind.WHOLE},
                {"Forecast horizon (days)", terms.horizonDays(), Column.Kind.WHOLE},
                {"Demand model", model == null ? "none yet: window averages" : model.method(), Column.Kind.TEXT},
                {"Model learned through", model == null ? null : model.throughDate(), Column.Kind.DATE},
                {"Products", lines.size(), Column.Kind.WHOLE},
                {"Stock out", statuses.getOrDefault("stock_out", 0L), Column.Kind.WHOLE},
                {"At risk", statuses.getOrDefault("at_risk", 0L), Column.Kind.WHOLE},
                {"Overstock", statuses.getOrDefault("overstock", 0L), Column.Kind.WHOLE},
                {"Dead stock", statuses.getOrDefault("dead", 0L), Column.Kind.WHOLE},
                {"Healthy", statuses.getOrDefault("healthy", 0L), Column.Kind.WHOLE},
                {"Units on hand", store.unitsOnHand(), Column.Kind.WHOLE},
                {"Stock value at cost", store.stockValueAtCost(), Column.Kind.MONEY},
                {"Stock value at price", store.stockValueAtPrice(), Column.Kind.MONEY},
                {"Products without cost price", store.productsWithoutCostPrice(), Column.Kind.WHOLE},
                {"To reorder: products", reorder.size(), Column.Kind.WHOLE},
                {"To reorder: units", reorder.stream().mapToLong(StockPosition::reorderQuantity).sum(), Column.Kind.WHOLE},
                {"To reorder: value at cost", sum(reorder, StockPosition::reorderValueAtCost), Column.Kind.MONEY}};
        SXSSFSheet sheet = styles.workbook().createSheet("Summary");
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 30 * 256);
        int rowIndex = 0;
        for (Object[] figure : figures) {
            Row row = sheet.createRow(rowIndex++);
            CellStyles.write(row.createCell(0), figure[0], styles.bold(Column.Kind.TEXT));
            CellStyles.write(row.createCell(1), figure[1], styles.of((Column.Kind) figure[2]));
        }
    }

    private static void inventory(CellStyles styles, List<StockPosition> lines) {
        SheetWriter sheet = new SheetWriter(styles, "Inventory", List.of(Column.text("SKU", 14), Column.text("Product", 32),
                Column.text("Category", 18), Column.text("Status", 11), Column.whole("On hand"), Column.whole("Units sold"),
                Column.decimal("Units a day"), Column.decimal("Forecast units"), Column.decimal("Days of cover"),
                Column.date("Stock-out date"), Column.share("Sell-through"), Column.whole("Lead time (days)"),
                Column.share("Service level"), Column.whole("Safety stock"), Column.whole("Reorder point"),
                Column.whole("Reorder quantity"), Column.money("Price"), Column.money("Cost price"),
                Column.money("Stock value at cost"), Column.money("Stock value at price")));
        for (StockPosition l : lines) {
            sheet.row(l.sku(), l.name(), l.categoryName(), l.status(), l.onHand(), l.unitsSold(), l.unitsPerDay(),
                    l.forecastUnits(), l.daysOfCover(), l.stockoutDate(), l.sellThroughRate(), l.leadTimeDays(),
                    l.serviceLevel(), l.safetyStock(), l.reorderPoint(), l.reorderQuantity(), l.price(), l.costPrice(),
                    l.stockValueAtCost(), l.stockValueAtPrice());
        }
        sheet.totalRow("Total", null, null, null, lines.stream().mapToLong(StockPosition::onHand).sum(),
                lines.stream().mapToLong(StockPosition::unitsSold).sum(), null, null, null, null, null, null, null, null,
                null, lines.stream().mapToLong(StockPosition::reorderQuantity).sum(), null, null,
                sum(lines, StockPosition::stockValueAtCost), sum(lines, StockPosition::stockValueAtPrice));
    }

    private static void reorder(CellStyles styles, List<StockPosition> lines) {
        SheetWriter sheet = new SheetWriter(styles, "Reorder", List.of(Column.text("SKU", 14), Column.text("Product", 32),
                Column.text("Category", 18), Column.text("Status", 11), Column.whole("On hand"),
                Column.whole("Reorder point"), Column.whole("Reorder quantity"), Column.money("Cost price"),
                Column.money("Value at cost"), Column.decimal("Days of cover"), Column.date("Stock-out date"),
                Column.whole("Lead time (days)")));
        for (StockPosition l : lines) {
            sheet.row(l.sku(), l.name(), l.categoryName(), l.status(), l.onHand(), l.reorderPoint(), l.reorderQuantity(),
                    l.costPrice(), l.reorderValueAtCost(), l.daysOfCover(), l.stockoutDate(), l.leadTimeDays());
        }
        sheet.totalRow("Total", null, null, null, null, null, lines.stream().mapToLong(StockPosition::reorderQuantity).sum(),
                null, sum(lines, StockPosition::reorderValueAtCost), null, null, null);
    }

    private static void byCategory(CellStyles styles, StockValueReport value) {
        SheetWriter sheet = new SheetWriter(styles, "By category", List.of(Column.text("Category", 24),
                Column.whole("Products"), Column.whole("Units on hand"), Column.money("Stock value at cost"),
                Column.money("Stock value at price"), Column.whole("Without cost price"), Column.whole("Units sold"),
                Column.money("Net revenue"), Column.money("Revenue without cost price"), Column.money("Cost of goods sold"),
                Column.money("Gross margin"), Column.share("Gross margin rate")));
        for (CategoryValue c : value.categories()) {
            row(sheet, c.categoryName(), c, false);
        }
        row(sheet, "Total", value.total(), true);
    }

    private static void row(SheetWriter sheet, String name, CategoryValue c, boolean total) {
        Object[] cells = {name, c.products(), c.unitsOnHand(), c.stockValueAtCost(), c.stockValueAtPrice(),
                c.productsWithoutCostPrice(), c.unitsSold(), c.netRevenue(), c.netRevenueWithoutCostPrice(),
                c.costOfGoodsSold(), c.grossMargin(), c.grossMarginRate()};
        if (total) {
            sheet.totalRow(cells);
        } else {
            sheet.row(cells);
        }
    }

    private static BigDecimal sum(List<StockPosition> lines, Function<StockPosition, BigDecimal> value) {
        return lines.stream().map(value).filter(Objects::nonNull).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
