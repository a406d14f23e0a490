package com.ecommerce.analytics.customermodels.control;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.ecommerce.analytics.analytics.control.SqlValues;
import com.ecommerce.analytics.analytics.control.StoreCalendar;
import com.ecommerce.analytics.customermodels.model.RfmScores;
import com.ecommerce.analytics.platform.lifecycle.KeptFresh;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Every customer with an order scored by recency, frequency and monetary quintiles and put in a segment, from
 * customer_stats (orders not canceled, spend net of refunds, the last order), which the sales ledger keeps with every
 * order. Quintiles rank each customer against all the others, so the scoring is kept in this instance's memory for
 * RFM_FRESH_SECONDS (30) rather than redone for every question about one customer, and redone in the background.
 */
@ApplicationScoped
public class RfmSegments {

    @Inject
    @ConfigProperty(name = "RFM_FRESH_SECONDS", defaultValue = "30")
    int freshSeconds;

    /** The scored customers of one moment, by customer. */
    public record Scoring(LocalDate asOf, List<RfmScores.Scored> customers, Map<Long, RfmScores.Scored> byCustomer) {
    }

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    @Inject
    StoreCalendar calendar;

    @Resource
    ManagedExecutorService background;

    private KeptFresh<Scoring> scoring;

    @PostConstruct
    void keep() {
        scoring = new KeptFresh<>(this::scored, Duration.ofSeconds(freshSeconds), background);
    }

    public Scoring current() {
        return scoring.get().value();
    }

    private Scoring scored() {
        LocalDate today = calendar.today();
        List<RfmScores.Scored> scored = RfmScores.score(figures(today));
        return new Scoring(today, scored, scored.stream()
                .collect(Collectors.toUnmodifiableMap(s -> s.figures().customer(), Function.identity())));
    }

    private List<RfmScores.Figures> figures(LocalDate today) {
        List<RfmScores.Figures> figures = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT customer_id, orders, gross - refunds, "
                     + "last_order_date FROM customer_stats WHERE orders > 0 AND last_order_date IS NOT NULL")) {
            select.setFetchSize(10_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    LocalDate last = calendar.dayOf(SqlValues.instant(rows.getTimestamp(4)));
                    BigDecimal spend = rows.getBigDecimal(3);
                    figures.add(new RfmScores.Figures(rows.getLong(1), Math.max(0, ChronoUnit.DAYS.between(last, today)),
                            rows.getLong(2), spend.doubleValue()));
                }
            }
            return figures;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the customers' figures", e);
        }
    }
}
