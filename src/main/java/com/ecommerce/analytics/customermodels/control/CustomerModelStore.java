package com.ecommerce.analytics.customermodels.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.ecommerce.analytics.analytics.control.SqlValues;
import com.ecommerce.analytics.platform.database.UtcInstantConverter;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** The customer_model table (every fit, the latest in use) and customer_prediction (the latest fit's predictions). */
@Stateless
public class CustomerModelStore {

    private static final String COLUMNS = "id, fitted_at, calibration_end, cohort_start, cohort_end, customers, "
            + "repeat_buyers, r, alpha, a, b, bgnbd_log_likelihood, p, q, v, gamma_gamma_log_likelihood, fit_millis, "
            + "predictions_as_of";

    @Resource(lookup = "jdbc/platform")
    DataSource dataSource;

    /** Stores the fit and puts its predictions in place of the previous fit's, in one transaction. */
    public CustomerModel save(CustomerModel model, List<CustomerPrediction> predictions) {
        try (Connection connection = dataSource.getConnection()) {
            CustomerModel saved = save(connection, model);
            replace(connection, saved.id(), predictions);
            return saved;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the customer model", e);
        }
    }

    private static void replace(Connection connection, long model, List<CustomerPrediction> predictions)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM customer_prediction");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_prediction (customer_id, "
                     + "model_id, probability_alive, expected_purchases, predicted_clv) VALUES (?, ?, ?, ?, ?)")) {
            delete.executeUpdate();
            int batched = 0;
            for (CustomerPrediction prediction : predictions) {
                insert.setLong(1, prediction.customer());
                insert.setLong(2, model);
                insert.setDouble(3, prediction.probabilityAlive());
                insert.setDouble(4, prediction.expectedPurchases());
                insert.setBigDecimal(5, prediction.predictedClv());
                insert.addBatch();
                if (++batched % 1_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static CustomerModel save(Connection connection, CustomerModel model) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer_model (" + COLUMNS.substring(4)
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setObject(1, UtcInstantConverter.toColumn(model.fittedAt()));
            insert.setObject(2, model.calibrationEnd());
            insert.setObject(3, model.cohortStart());
            insert.setObject(4, model.cohortEnd());
            insert.setInt(5, model.customers());
            insert.setInt(6, model.repeatBuyers());
            CustomerModel.BgNbdParameters bg = model.bgNbd();
            insert.setDouble(7, bg.r());
            insert.setDouble(8, bg.alpha());
            insert.setDouble(9, bg.a());
            insert.setDouble(10, bg.b());
            insert.setDouble(11, bg.logLikelihood());
            CustomerModel.GammaGammaParameters gg = model.gammaGamma();
            for (int i = 0; i < 4; i++) {
                if (gg == null) {
                    insert.setNull(12 + i, Types.DOUBLE);
                } else {
                    insert.setDouble(12 + i, new double[] {gg.p(), gg.q(), gg.v(), gg.logLikelihood()}[i]);
                }
            }
            insert.setLong(16, model.fitMillis());
            insert.setObject(17, model.predictionsAsOf());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new CustomerModel(keys.getLong(1), model.fittedAt(), model.calibrationEnd(), model.cohortStart(),
                        model.cohortEnd(), model.customers(), model.repeatBuyers(), bg, gg, model.fitMillis(),
                        model.predictionsAsOf());
            }
        }
    }

    /** Of the customers the model in use predicted, those whose P(alive) is below the threshold. */
    public record Dropouts(CustomerModel model, long customers, long likelyGone) {
    }

    public Optional<Dropouts> dropouts(double threshold) {
        Optional<CustomerModel> model = inUse();
        if (model.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*), COALESCE(SUM(CASE WHEN "
                     + "probability_alive < ? THEN 1 ELSE 0 END), 0) FROM customer_prediction WHERE model_id = ?")) {
            select.setDouble(1, threshold);
            select.setLong(2, model.get().id());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return Optional.of(new Dropouts(model.get(), row.getLong(1), row.getLong(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the predicted dropouts", e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CustomerModel> inUse() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                     + " FROM customer_model ORDER BY id DESC LIMIT 1");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            double p = row.getDouble(13);
            CustomerModel.GammaGammaParameters gg = row.wasNull() ? null
                    : new CustomerModel.GammaGammaParameters(p, row.getDouble(14), row.getDouble(15), row.getDouble(16));
            return Optional.of(new CustomerModel(row.getLong(1), SqlValues.instant(row.getTimestamp(2)), row.getObject(3, LocalDate.class), row.getObject(4, LocalDate.class),
                    row.getObject(5, LocalDate.class), row.getInt(6), row.getInt(7),
                    new CustomerModel.BgNbdParameters(row.getDouble(8), row.getDouble(9), row.getDouble(10),
                            row.getDouble(11), row.getDouble(12)), gg, row.getLong(17), row.getObject(18, LocalDate.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the customer model", e);
        }
    }
}
