package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.platform.money.InStoreCurrency;
import com.ecommerce.analytics.tax.control.TaxRates;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/** Revenue over time in day, week, month, quarter or year buckets (every one present), with a totals block. */
@Stateless
public class RevenueSeries {

    public record Point(String period, LocalDate startDate, LocalDate endDate, BigDecimal grossSales, BigDecimal refunds,
                        BigDecimal netRevenue, long orders, long unitsSold) {
    }

    /**
     * tax: net revenue of each country at its rate, rounded per country; average_order_value: gross sales
     * per order; new customers placed their first order in the range, returning ones had ordered before.
     */
    public record Totals(BigDecimal grossSales, BigDecimal refunds, BigDecimal netRevenue, BigDecimal tax, long orders,
                         long unitsSold, BigDecimal averageOrderValue, long customers, long newCustomers,
                         long returningCustomers) {
    }

    public record Previous(String compare, LocalDate startDate, LocalDate endDate, Totals totals,
                           BigDecimal netRevenueChangePercent, BigDecimal ordersChangePercent,
                           BigDecimal unitsSoldChangePercent) {
    }

    public record Series(String interval, LocalDate startDate, LocalDate endDate, List<Point> buckets, Totals totals,
                         Previous comparison) implements InStoreCurrency {
    }

    private record Day(BigDecimal gross, BigDecimal refunds, long units, long orders) {
        static final Day NONE = new Day(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 0, 0);

        /** Gross, refunds, units and orders read as four consecutive columns from the given one on. */
        static Day of(SqlRow row, int first) {
            return new Day(row.money(first), row.money(first + 1), row.whole(first + 2), row.whole(first + 3));
        }

        Day plus(Day other) {
            return new Day(gross.add(other.gross), refunds.add(other.refunds), units + other.units, orders + other.orders);
        }

        BigDecimal net() {
            return gross.subtract(refunds);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    TaxRates rates;

    @Inject
    StoreCalendar calendar;

    @Inject
    CustomerActivity activity;

    /** The customers of the range (and of the comparison's) are counted on other connections while the sales are read. */
    public Series of(LocalDate start, LocalDate end, Interval interval, Comparison compare) {
        Comparison.Range range = compare == null ? null : compare.of(start, end);
        Future<CustomerActivity.Customers> customers = activity.customersMeanwhile(span(start, end));
        Future<CustomerActivity.Customers> customersBefore = range == null ? null
                : activity.customersMeanwhile(span(range.start(), range.end()));
        Sales sales = sales(start, end, true);
        List<Point> buckets = interval.buckets(start, end).stream().map(bucket -> {
            Day sum = Day.NONE;
            for (LocalDate d = bucket.start(); !d.isAfter(bucket.end()); d = d.plusDays(1)) {
                sum = sum.plus(sales.days().getOrDefault(d, Day.NONE));
            }
            return new Point(bucket.period(), bucket.start(), bucket.end(), sum.gross(), sum.refunds(),
                    sum.gross().subtract(sum.refunds()), sum.orders(), sum.units());
        }).toList();
        Totals totals = totals(sales, CustomerActivity.await(customers));
        Previous previous = null;
        if (range != null) {
            Totals before = totals(sales(range.start(), range.end(), false), CustomerActivity.await(customersBefore));
            previous = new Previous(compare.code(), range.start(), range.end(), before,
                    Comparison.changePercent(totals.netRevenue(), before.netRevenue()),
                    Comparison.changePercent(BigDecimal.valueOf(totals.orders()), BigDecimal.valueOf(before.orders())),
                    Comparison.changePercent(BigDecimal.valueOf(totals.unitsSold()), BigDecimal.valueOf(before.unitsSold())));
        }
        return new Series(interval.code(), start, end, buckets, totals, previous);
    }

    private CustomerActivity.Span span(LocalDate start, LocalDate end) {
        return new CustomerActivity.Span(calendar.startOf(start), calendar.startOf(end.plusDays(1)));
    }

    private Totals totals(Sales sales, CustomerActivity.Customers customers) {
        Day sum = sales.total();
        BigDecimal net = sum.gross().subtract(sum.refunds());
        BigDecimal average = sum.orders() == 0 ? BigDecimal.ZERO.setScale(2)
                : sum.gross().divide(BigDecimal.valueOf(sum.orders()), 2, RoundingMode.HALF_UP);
        return new Totals(sum.gross(), sum.refunds(), net, tax(sales.netByCountry()), sum.orders(), sum.units(), average,
                customers.ordered(), customers.firstOrdered(), customers.ordered() - customers.firstOrdered());
    }

    /** Tax is each country's net at its rate, rounded per country. */
    private BigDecimal tax(Map<String, BigDecimal> netByCountry) {
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<String, BigDecimal> country : netByCountry.entrySet()) {
            tax = tax.add(rates.forCountry(new CountryCode(country.getKey())).taxOn(country.getValue()));
        }
        return tax;
    }

    /** A range's sales per day (when grouped by day too) and per country, from one read of country_daily. */
    private record Sales(Map<LocalDate, Day> days, Map<String, BigDecimal> netByCountry, Day total) {
    }

    /** A country's sales on a date, or over the whole range when read without dates (date null). */
    private record CountrySales(LocalDate date, String country, Day sales) {
        static CountrySales onDay(SqlRow row) {
            return new CountrySales(row.date(0), row.text(1), Day.of(row, 2));
        }

        static CountrySales overRange(SqlRow row) {
            return new CountrySales(null, row.text(0), Day.of(row, 1));
        }
    }

    private static final String BY_DAY_AND_COUNTRY = "SELECT sale_date, country, gross, refunds, units, orders "
            + "FROM country_daily WHERE sale_date >= ? AND sale_date <= ?";
    private static final String BY_COUNTRY = "SELECT country, SUM(gross), SUM(refunds), SUM(units), SUM(orders) "
            + "FROM country_daily WHERE sale_date >= ? AND sale_date <= ? GROUP BY country";

    private Sales sales(LocalDate start, LocalDate end, boolean byDay) {
        Map<LocalDate, Day> days = new HashMap<>();
        Map<String, BigDecimal> netByCountry = new HashMap<>();
        Day total = Day.NONE;
        Query query = em.createNativeQuery(byDay ? BY_DAY_AND_COUNTRY : BY_COUNTRY).setParameter(1, start).setParameter(2, end);
        for (CountrySales row : SqlRow.read(query, byDay ? CountrySales::onDay : CountrySales::overRange)) {
            if (byDay) {
                days.merge(row.date(), row.sales(), Day::plus);
            }
            netByCountry.merge(row.country(), row.sales().net(), BigDecimal::add);
            total = total.plus(row.sales());
        }
        return new Sales(days, netByCountry, total);
    }
}
