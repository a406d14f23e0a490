-- What the customer model in use predicts for each customer with an order, as of the day of its fit: P(alive), the
-- purchases expected over the next 365 days and their value, undiscounted. Replaced whole by each fit, in the fit's
-- transaction; the ranked customers report and the model churn rate read it.
CREATE TABLE customer_prediction (
    customer_id        BIGINT        NOT NULL PRIMARY KEY,
    model_id           BIGINT        NOT NULL,
    probability_alive  DOUBLE        NOT NULL,
    expected_purchases DOUBLE        NOT NULL,
    predicted_clv      DECIMAL(14,2)
);
CREATE INDEX customer_prediction_clv ON customer_prediction (predicted_clv);
CREATE INDEX customer_prediction_alive ON customer_prediction (probability_alive);

ALTER TABLE customer_model ADD COLUMN predictions_as_of DATE;
