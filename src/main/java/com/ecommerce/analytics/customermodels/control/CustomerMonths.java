package com.ecommerce.analytics.customermodels.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** One customer's country and months. */
    private record Active(String country, CohortRetention.Customer months) {
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
        customers = new KeptFresh<>(this::read, Duration.ofSeconds(freshSeconds), background);
    }

    /** Cohorts of the months from start's to end's, their later months counted up to end's month or the current one. */
    public CohortTable retention(LocalDate start, LocalDate end, CountryCode country) {
        KeptFresh.Stamped<List<Active>> kept = customers.get();
        YearMonth firstCohort = YearMonth.from(start);
        YearMonth lastCohort = YearMonth.from(end);
        YearMonth thisMonth = YearMonth.from(calendar.today());
        YearMonth lastMonth = lastCohort.isAfter(thisMonth) ? thisMonth : lastCohort;
        List<CohortRetention.Customer> members = new ArrayList<>();
        for (Active customer : kept.value()) {
            if (country == null || country.value().equals(customer.country())) {
                members.add(customer.months());
            }
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
            int month = CohortRetention.index(YearMonth.from(purchase.day()));
            if (n < 0 || months[n] != month) {
                months[++n] = month;
            }
            cents[n] += purchase.value().movePointRight(2).longValue();
        }
        return new Active(country, new CohortRetention.Customer(Arrays.copyOf(months, n + 1), Arrays.copyOf(cents, n + 1)));
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
}
