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

-- The status the stock watch last saw per product, so that a crossing into at_risk or stock_out is noticed once:
-- the watch moves a row from the status it read to the new one with a conditional update, and only the
-- transaction whose update took raises the alert.
CREATE TABLE stock_watch (
    product_id BIGINT      NOT NULL PRIMARY KEY,
    status     VARCHAR(16) NOT NULL,
    seen_at    DATETIME(6) NOT NULL
);
-- One row per crossing, and where it stands in its delivery to ALERT_WEBHOOK_URL: not_configured, pending,
-- delivered or failed (after ALERT_WEBHOOK_MAX_ATTEMPTS).
CREATE TABLE inventory_alert (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    product_id       BIGINT       NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    previous_status  VARCHAR(16),
    on_hand          BIGINT       NOT NULL,
    reorder_point    BIGINT       NOT NULL,
    reorder_quantity BIGINT       NOT NULL,
    days_of_cover    DOUBLE,
    stockout_date    DATE,
    raised_at        DATETIME(6)  NOT NULL,
    delivery         VARCHAR(16)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(6),
    delivered_at     DATETIME(6),
    last_error       VARCHAR(500)
);
CREATE INDEX idx_inventory_alert_delivery ON inventory_alert (delivery, next_attempt_at);
CREATE INDEX idx_inventory_alert_product ON inventory_alert (product_id, raised_at);
