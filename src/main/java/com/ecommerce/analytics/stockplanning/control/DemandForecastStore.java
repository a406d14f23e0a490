package com.ecommerce.analytics.stockplanning.control;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.ecommerce.analytics.analytics.control.SqlValues;
import com.ecommerce.analytics.platform.database.UtcInstantConverter;
import com.ecommerce.analytics.stockplanning.forecast.Backtest;
import com.ecommerce.analytics.stockplanning.forecast.Forecast;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The demand_forecast tables: the model in use and its forecasts; a new model replaces the old in one transaction. */
@Stateless
public class DemandForecastStore {

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    /** Stores the model and its forecasts and deletes every older one, all in the caller's transaction. */
    public DemandModel replace(DemandModel model, Map<Long, Forecast> forecasts) {
        try (Connection connection = dataSource.getConnection()) {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO demand_forecast_model (built_at, "
                    + "through_date, weeks_read, method, products, backtest, build_millis) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setObject(1, UtcInstantConverter.toColumn(model.builtAt()));
                insert.setObject(2, model.throughDate());
                insert.setInt(3, model.weeksRead());
                insert.setString(4, model.method());
                insert.setInt(5, model.products());
                insert.setString(6, json(model.backtest()).toString());
                insert.setLong(7, model.buildMillis());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement rows = connection.prepareStatement(
                    "INSERT INTO demand_forecast (model_id, product_id, error_sd, weekly_units) VALUES (?, ?, ?, ?)")) {
                int batched = 0;
                for (Map.Entry<Long, Forecast> entry : forecasts.entrySet()) {
                    rows.setLong(1, id);
                    rows.setLong(2, entry.getKey());
                    rows.setDouble(3, entry.getValue().errorSd());
                    rows.setString(4, weeks(entry.getValue().weekly()));
                    rows.addBatch();
                    if (++batched % 1_000 == 0) {
                        rows.executeBatch();
                    }
                }
                rows.executeBatch();
            }
            try (PreparedStatement forecastsBefore = connection.prepareStatement(
                         "DELETE FROM demand_forecast WHERE model_id <> ?");
                 PreparedStatement modelsBefore = connection.prepareStatement(
                         "DELETE FROM demand_forecast_model WHERE id <> ?")) {
                forecastsBefore.setLong(1, id);
                forecastsBefore.executeUpdate();
                modelsBefore.setLong(1, id);
                modelsBefore.executeUpdate();
            }
            return new DemandModel(id, model.builtAt(), model.throughDate(), model.weeksRead(), model.method(),
                    model.products(), model.backtest(), model.buildMillis());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the demand forecast", e);
        }
    }

    public Optional<DemandModel> active() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, built_at, through_date, weeks_read, "
                     + "method, products, backtest, build_millis FROM demand_forecast_model ORDER BY id DESC LIMIT 1");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new DemandModel(row.getLong(1), SqlValues.instant(row.getTimestamp(2)),
                    row.getObject(3, LocalDate.class), row.getInt(4), row.getString(5), row.getInt(6),
                    backtest(row.getString(7)), row.getLong(8)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the demand forecast model", e);
        }
    }

    public Map<Long, Forecast> forecasts(DemandModel model) {
        Map<Long, Forecast> forecasts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT product_id, error_sd, weekly_units FROM demand_forecast WHERE model_id = ?")) {
            select.setLong(1, model.id());
            select.setFetchSize(5_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    double[] weekly = Arrays.stream(rows.getString(3).split(" ")).mapToDouble(Double::parseDouble).toArray();
                    forecasts.put(rows.getLong(1), new Forecast(model.method(), weekly, rows.getDouble(2)));
                }
            }
            return forecasts;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the demand forecasts", e);
        }
    }

    private static String weeks(double[] weekly) {
        return Arrays.stream(weekly).mapToObj(units -> String.format(Locale.ROOT, "%.3f", units))
                .collect(Collectors.joining(" "));
    }

    private static JsonObject json(Backtest backtest) {
        JsonObjectBuilder errors = Json.createObjectBuilder();
        backtest.meanAbsoluteError().forEach(errors::add);
        return Json.createObjectBuilder().add("held_out_weeks", backtest.heldOutWeeks())
                .add("products", backtest.products()).add("mean_absolute_error", errors)
                .add("chosen", backtest.chosen()).build();
    }

    private static Backtest backtest(String json) {
        JsonObject object = Json.createReader(new StringReader(json)).readObject();
        Map<String, Double> errors = new LinkedHashMap<>();
        object.getJsonObject("mean_absolute_error").forEach((method, value) ->
                errors.put(method, ((jakarta.json.JsonNumber) value).doubleValue()));
        return new Backtest(object.getInt("held_out_weeks"), object.getInt("products"), errors, object.getString("chosen"));
    }
}
