package com.ecommerce.analytics.analytics.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.tax.control.TaxRates;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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
                         Previous comparison) {
    }

    private record Day(BigDecimal gross, BigDecimal refunds, long units, long orders) {
        static final Day NONE = new Day(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 0, 0);

        Day plus(Day other) {
            return new Day(gross.add(other.gross), refunds.add(other.refunds), units + other.units, orders + other.orders);
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

    public Series of(LocalDate start, LocalDate end, Interval interval, Comparison compare) {
        Map<LocalDate, Day> days = days(start, end);
        List<Point> buckets = interval.buckets(start, end).stream().map(bucket -> {
            Day sum = Day.NONE;
            for (LocalDate d = bucket.start(); !d.isAfter(bucket.end()); d = d.plusDays(1)) {
                sum = sum.plus(days.getOrDefault(d, Day.NONE));
            }
            return new Point(bucket.period(), bucket.start(), bucket.end(), sum.gross(), sum.refunds(),
                    sum.gross().subtract(sum.refunds()), sum.orders(), sum.units());
        }).toList();
        Totals totals = totals(start, end, days);
        Previous previous = null;
        if (compare != null) {
            Comparison.Range range = compare.of(start, end);
            Totals before = totals(range.start(), range.end(), days(range.start(), range.end()));
            previous = new Previous(compare.code(), range.start(), range.end(), before,
                    Comparison.changePercent(totals.netRevenue(), before.netRevenue()),
                    Comparison.changePercent(BigDecimal.valueOf(totals.orders()), BigDecimal.valueOf(before.orders())),
                    Comparison.changePercent(BigDecimal.valueOf(totals.unitsSold()), BigDecimal.valueOf(before.unitsSold())));
        }
        return new Series(interval.code(), start, end, buckets, totals, previous);
    }

    private Totals totals(LocalDate start, LocalDate end, Map<LocalDate, Day> days) {
        Day sum = days.values().stream().reduce(Day.NONE, Day::plus);
        BigDecimal net = sum.gross().subtract(sum.refunds());
        BigDecimal average = sum.orders() == 0 ? BigDecimal.ZERO.setScale(2)
                : sum.gross().divide(BigDecimal.valueOf(sum.orders()), 2, RoundingMode.HALF_UP);
        CustomerActivity.Span span = new CustomerActivity.Span(calendar.startOf(start), calendar.startOf(end.plusDays(1)));
        CustomerActivity.Customers customers = activity.customers(span);
        return new Totals(sum.gross(), sum.refunds(), net, tax(start, end), sum.orders(), sum.units(), average,
                customers.ordered(), customers.firstOrdered(), customers.ordered() - customers.firstOrdered());
    }

    @SuppressWarnings("unchecked")
    private BigDecimal tax(LocalDate start, LocalDate end) {
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        for (Object[] row : (List<Object[]>) em.createNativeQuery("SELECT country, SUM(gross) - SUM(refunds) FROM country_daily "
                + "WHERE sale_date >= ? AND sale_date <= ? GROUP BY country")
                .setParameter(1, start).setParameter(2, end).getResultList()) {
            tax = tax.add(rates.forCountry(new CountryCode((String) row[0])).taxOn(SqlValues.decimal(row[1])));
        }
        return tax;
    }

    @SuppressWarnings("unchecked")
    private Map<LocalDate, Day> days(LocalDate start, LocalDate end) {
        Map<LocalDate, Day> days = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("SELECT sale_date, SUM(gross), SUM(refunds), SUM(units), "
                + "SUM(orders) FROM country_daily WHERE sale_date >= ? AND sale_date <= ? GROUP BY sale_date")
                .setParameter(1, start).setParameter(2, end).getResultList()) {
            days.put(SqlValues.date(row[0]), new Day(SalesAnalytics.money(row[1]), SalesAnalytics.money(row[2]),
                    SqlValues.whole(row[3]), SqlValues.whole(row[4])));
        }
        return days;
    }
}
