package com.ecommerce.analytics.analytics.control;

import java.sql.Connection;
import java.time.LocalDate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.ecommerce.analytics.analytics.ledger.PendingRollups;
import com.ecommerce.analytics.analytics.ledger.SalesRows;
import com.ecommerce.analytics.analytics.ledger.SettledMonths;
import com.ecommerce.analytics.customers.entity.CountryCode;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Product and category sales over any range, read from the daily rows and their month and year rollups as the
 * range's PeriodCover says: a few whole years and months and the days at its edges, whatever its length; the
 * settled ones kept in memory (SettledSales) while nothing changed them. Reads only.
 */
@Stateless
public class ProductSalesReader {

    private static final String MEASURES = "product_id, units, gross, orders, refunded_units, refunds";
    /** About 12 days' or 4 months' rows (see PeriodCover.Grain): less, and a second connection costs what it saves. */
    private static final long PARALLEL_FROM_COST = 12;

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    @Inject
    StoreCalendar calendar;

    @Resource
    SessionContext context;

    @Inject
    SettledSales settledSales;

    /** Each product's sales in the range (in one country, or in all when country is null); products without any left out. */
    public Map<Long, Measures> byProduct(Comparison.Range range, CountryCode country) {
        return sales(range, country, Key.PRODUCT);
    }

    /** Each category's sales in the range, by category name; products count in their current category. */
    public Map<String, Measures> byCategory(Comparison.Range range) {
        Map<Long, String> names = categoryNames();
        Map<String, Measures> sales = new HashMap<>();
        sales(range, null, Key.CATEGORY).forEach((category, measures) -> sales.put(names.get(category), measures));
        return sales;
    }

    /**
     * What the rows of a read are summed by: by product here (the rows come keyed by product), or by category in
     * the database, which then sends a row per category instead of tens of thousands of product rows.
     */
    enum Key {
        PRODUCT, CATEGORY;

        String select(String parts) {
            return this == PRODUCT ? parts : "SELECT 1, p.category_id, SUM(s.sgn * s.units), SUM(s.sgn * s.gross), "
                    + "SUM(s.sgn * s.orders), SUM(s.sgn * s.refunded_units), SUM(s.sgn * s.refunds) FROM (" + parts
                    + ") s JOIN product p ON p.id = s.product_id GROUP BY p.category_id";
        }
    }

    /**
     * The settled runs of the range's cover come from SettledSales while no change of their months was counted
     * since they were kept; the rest, and the settled runs when they are not kept, are read from the rows.
     */
    private Map<Long, Measures> sales(Comparison.Range range, CountryCode country, Key key) {
        List<PeriodCover.Run> cover = PeriodCover.of(range.start(), range.end(), calendar.today(), pendingPeriods());
        LocalDate keptBefore = SettledMonths.keptBefore();
        Map<Boolean, List<PeriodCover.Run>> bySettled = cover.stream()
                .collect(Collectors.partitioningBy(run -> !run.until().isAfter(keptBefore)));
        List<PeriodCover.Run> settled = bySettled.get(true);
        List<Part> unsettled = parts(bySettled.get(false), country);
        if (settled.isEmpty()) {
            List<List<Part>> halves = halves(unsettled);
            return readTogether(halves.get(0), halves.get(1), key).measures();
        }
        SettledSales.Key kept = new SettledSales.Key(key, country, settled);
        long changes = settledChanges(settled, key);
        Tallies.Frozen known = settledSales.find(kept, changes);
        if (known != null) {
            Tallies tallies = read(unsettled, key);
            tallies.addAll(known);
            return tallies.measures();
        }
        Together read = readTogether(parts(settled, country), unsettled, key);
        settledSales.keep(kept, changes, read.first().freeze());
        return read.measures();
    }

    private static List<Part> parts(List<PeriodCover.Run> runs, CountryCode country) {
        return runs.stream().map(run -> Part.of(run, country)).toList();
    }

    /** One run of the range's cover as a statement: day rows from sales_daily, months and years from sales_rollup. */
    record Part(String sql, List<Object> values, long cost) {
        static Part of(PeriodCover.Run run, CountryCode country) {
            long cost = run.grain().cost * periods(run);
            if (run.grain() == PeriodCover.Grain.DAY) {
                String sql = "SELECT " + run.sign() + " AS sgn, " + MEASURES + " FROM sales_daily WHERE sale_date >= ? "
                        + "AND sale_date < ?" + (country == null ? "" : " AND country = ?");
                return new Part(sql, country == null ? List.of(run.from(), run.until())
                        : List.of(run.from(), run.until(), country.value()), cost);
            }
            return new Part("SELECT " + run.sign() + " AS sgn, " + MEASURES + " FROM sales_rollup WHERE grain = ? AND country = ? "
                    + "AND period_start >= ? AND period_start < ?", List.of(run.grain().code(),
                    country == null ? SalesRows.ALL_COUNTRIES : country.value(), run.from(), run.until()), cost);
        }

        private static long periods(PeriodCover.Run run) {
            long periods = 0;
            for (LocalDate start = run.from(); start.isBefore(run.until()); start = run.grain().next(start)) {
                periods++;
            }
            return periods;
        }
    }

    /** Two sets of parts, read at once on two connections when both have some and ReadsAside gives a permit. */
    private record Together(Tallies first, Tallies second) {
        Map<Long, Measures> measures() {
            first.addAll(second);
            return first.measures();
        }
    }

    private Together readTogether(List<Part> first, List<Part> second, Key key) {
        if (first.isEmpty() || second.isEmpty() || !ReadsAside.tryStart()) {
            return new Together(read(first, key), read(second, key));
        }
        Future<Tallies> aside = self().readAside(second, key);
        Tallies here = read(first, key);
        return new Together(here, ReadsAside.await(aside, "product sales"));
    }

    /**
     * A long range's parts in two halves of about equal cost, read on two connections at once (the database and
     * the server have cores to spare for one request); a short range's all in the first, the second empty. The
     * halves are two statements, so an order committing between them may show in one and not the other until the
     * next read.
     */
    private static List<List<Part>> halves(List<Part> parts) {
        long total = parts.stream().mapToLong(Part::cost).sum();
        if (parts.size() < 2 || total < PARALLEL_FROM_COST) {
            return List.of(parts, List.of());
        }
        List<Part> byCost = new ArrayList<>(parts);
        byCost.sort(Comparator.comparingLong(Part::cost).reversed());
        List<Part> first = new ArrayList<>();
        List<Part> second = new ArrayList<>();
        long firstCost = 0;
        long secondCost = 0;
        for (Part part : byCost) {
            if (firstCost <= secondCost) {
                first.add(part);
                firstCost += part.cost();
            } else {
                second.add(part);
                secondCost += part.cost();
            }
        }
        return List.of(first, second);
    }

    @Asynchronous
    public Future<Tallies> readAside(List<Part> parts, Key key) {
        try {
            return CompletableFuture.completedFuture(read(parts, key));
        } finally {
            ReadsAside.finished();
        }
    }

    private ProductSalesReader self() {
        return context.getBusinessObject(ProductSalesReader.class);
    }

    private Tallies read(List<Part> parts, Key key) {
        if (parts.isEmpty()) {
            return new Tallies();
        }
        List<Object> values = new ArrayList<>();
        parts.forEach(part -> values.addAll(part.values()));
        return read(key.select(String.join(" UNION ALL ", parts.stream().map(Part::sql).toList())), values);
    }

    /**
     * The settled changes of every month the runs touch, read before their rows (see SettledMonths); for categories
     * also of the months before, where product moves are counted.
     */
    private long settledChanges(List<PeriodCover.Run> runs, Key key) {
        LocalDate from = key == Key.CATEGORY ? SettledMonths.MOVES
                : runs.stream().map(PeriodCover.Run::from).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate until = runs.stream().map(PeriodCover.Run::until).max(Comparator.naturalOrder()).orElseThrow();
        try (Connection db = dataSource.getConnection()) {
            return SettledMonths.changes(db, from, until);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the changes of settled months", e);
        }
    }

    /**
     * The months and years an import has written days of without their rollup rows yet. Read before the rows, by a
     * statement of its own: a read racing an import batch's commit may miss part of that batch, as if it came first.
     */
    private Set<PeriodCover.Period> pendingPeriods() {
        try (Connection db = dataSource.getConnection()) {
            return PendingRollups.all(db);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read which rollups imports still owe", e);
        }
    }

    private Map<Long, String> categoryNames() {
        Map<Long, String> names = new HashMap<>();
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(
                "SELECT id, name FROM category");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.put(rows.getLong(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the categories' names", e);
        }
        return names;
    }

    /** Plain JDBC: tens of thousands of rows, summed as they come (see Tallies). */
    private Tallies read(String sql, List<Object> values) {
        Tallies tallies = new Tallies();
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tallies.add(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the product sales", e);
        }
        return tallies;
    }
}
