package com.ecommerce.analytics.stockplanning.control;

import java.time.Instant;
import java.time.LocalDate;

import com.ecommerce.analytics.stockplanning.forecast.Backtest;

/**
 * The demand forecast in use: the weeks it learned from (the weeks_read weeks ending through_date), the method the
 * backtest chose and the backtest itself.
 */
public record DemandModel(long id, Instant builtAt, LocalDate throughDate, int weeksRead, String method, int products,
                          Backtest backtest, long buildMillis) {
}
