-- What a buyer plans stock with: a cost price (optional, so margin and stock value at cost are unknown rather than
-- zero where none is set), and the lead time and service level of a product or of its category (NULL: inherit;
-- the store's defaults are INVENTORY_LEAD_TIME_DAYS and INVENTORY_SERVICE_LEVEL).
ALTER TABLE product ADD COLUMN cost_price DECIMAL(12,2) NULL;
ALTER TABLE product ADD COLUMN lead_time_days INT NULL;
ALTER TABLE product ADD COLUMN service_level DECIMAL(5,4) NULL;
ALTER TABLE category ADD COLUMN lead_time_days INT NULL;
ALTER TABLE category ADD COLUMN service_level DECIMAL(5,4) NULL;

-- The demand forecast in use: the method a backtest chose, and per product the next 52 weeks' units and the spread
-- of its past one-week-ahead errors. Built in the background (DemandForecastBuild); a new model replaces the old
-- one in a single transaction, so a reader sees one whole model or the other.
CREATE TABLE demand_forecast_model (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    built_at     DATETIME(6)   NOT NULL,
    through_date DATE          NOT NULL,
    weeks_read   INT           NOT NULL,
    method       VARCHAR(40)   NOT NULL,
    products     INT           NOT NULL,
    backtest     VARCHAR(2000) NOT NULL,
    build_millis BIGINT        NOT NULL
);
CREATE TABLE demand_forecast (
    model_id     BIGINT        NOT NULL,
    product_id   BIGINT        NOT NULL,
    error_sd     DOUBLE        NOT NULL,
    weekly_units VARCHAR(2000) NOT NULL,
    PRIMARY KEY (model_id, product_id)
);
