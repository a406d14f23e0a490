package com.ecommerce.analytics.customermodels.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.customermodels.model.CohortRetention;
import com.ecommerce.analytics.customermodels.model.Purchase;
import com.ecommerce.analytics.customers.entity.CountryCode;
import com.ecommerce.analytics.platform.lifecycle.KeptFresh;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Every customer's months with an order (in the store's calendar) and what they spent in each, read from the orders in
 * one pass and kept in this instance's memory, compactly, for COHORT_FRESH_SECONDS (300): the cohort retention table
 * of any range is then counted in memory, and no order waits on an aggregate kept for it.
 */
@ApplicationScoped
public class CustomerMonths {

    /** One customer: country, months with an order as year * 12 + month - 1 in order (the first is the cohort's), cents. */
    private record Active(String country, int[] months, long[] cents) {
    }

    @Inject
    @ConfigProperty(name = "COHORT_FRESH_SECONDS", defaultValue = "300")
    int freshSeconds;

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    @Resource
    ManagedExecutorService background;

    @Inject
    CustomerPurchases purchases;

    @Inject
    StoreCalendar calendar;

    private KeptFresh<List<Active>> customers;

    @PostConstruct
    void keep() {
        customers = new KeptFresh<>(this::read, Duration.ofSeconds(freshSeconds));
    }

    /** Cohorts of the months from start's to end's, their later months counted up to end's month or the current one. */
    public CohortTable retention(LocalDate start, LocalDate end, CountryCode country) {
        KeptFresh.Stamped<List<Active>> kept = customers.get(background);
        YearMonth firstCohort = YearMonth.from(start);
        YearMonth lastCohort = YearMonth.from(end);
        YearMonth thisMonth = YearMonth.from(calendar.today());
        YearMonth lastMonth = lastCohort.isAfter(thisMonth) ? thisMonth : lastCohort;
        int from = index(firstCohort);
        int to = index(lastCohort);
        int last = index(lastMonth);
        List<CohortRetention.Customer> members = new ArrayList<>();
        for (Active customer : kept.value()) {
            int first = customer.months()[0];
            if (first < from || first > to || country != null && !country.value().equals(customer.country())) {
                continue;
            }
            Set<YearMonth> active = new HashSet<>();
            long cents = 0;
            for (int i = 0; i < customer.months().length && customer.months()[i] <= last; i++) {
                active.add(month(customer.months()[i]));
                cents += customer.cents()[i];
            }
            members.add(new CohortRetention.Customer(month(first), active, BigDecimal.valueOf(cents, 2)));
        }
        List<CohortTable.Cohort> cohorts = CohortRetention.of(members, firstCohort, lastCohort, lastMonth).stream()
                .map(c -> new CohortTable.Cohort(c.month().toString(), c.customers(), c.revenue(), c.activeCustomers(),
                        c.retention()))
                .toList();
        return new CohortTable("month", start, end, country == null ? null : country.value(), kept.asOf(), cohorts);
    }

    private List<Active> read() {
        Map<Long, String> countries = countries();
        List<Active> active = new ArrayList<>();
        purchases.eachCustomer(calendar.zone(), (customer, bought) -> active.add(active(countries.get(customer), bought)));
        return active;
    }

    /** Purchases come in date order, so months come in order too. */
    private static Active active(String country, List<Purchase> bought) {
        int[] months = new int[bought.size()];
        long[] cents = new long[bought.size()];
        int n = -1;
        for (Purchase purchase : bought) {
            int month = index(YearMonth.from(purchase.day()));
            if (n < 0 || months[n] != month) {
                months[++n] = month;
            }
            cents[n] += purchase.value().movePointRight(2).longValue();
        }
        return new Active(country, java.util.Arrays.copyOf(months, n + 1), java.util.Arrays.copyOf(cents, n + 1));
    }

    private Map<Long, String> countries() {
        Map<Long, String> countries = new HashMap<>();
        Map<String, String> shared = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, country FROM customer")) {
            select.setFetchSize(10_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String country = rows.getString(2);
                    countries.put(rows.getLong(1), country == null ? null : shared.computeIfAbsent(country, c -> c));
                }
            }
            return countries;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the customers' countries", e);
        }
    }

    private static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    private static YearMonth month(int index) {
        return YearMonth.of(index / 12, index % 12 + 1);
    }
}
