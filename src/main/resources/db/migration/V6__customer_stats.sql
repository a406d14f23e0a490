-- Each customer's spend so far, kept with every order, status change and refund like the daily sales:
-- orders and gross over orders not canceled, their refunds, first and last order dates. The customers
-- report, CLV, churn and new-customer counts read it instead of the orders.
CREATE TABLE customer_stats (
    customer_id      BIGINT        NOT NULL PRIMARY KEY,
    orders           INT           NOT NULL DEFAULT 0,
    gross            DECIMAL(14,2) NOT NULL DEFAULT 0,
    refunds          DECIMAL(14,2) NOT NULL DEFAULT 0,
    first_order_date DATETIME(6),
    last_order_date  DATETIME(6)
);
CREATE INDEX idx_customer_stats_first ON customer_stats (first_order_date);
CREATE INDEX idx_customer_stats_last ON customer_stats (last_order_date);
ALTER TABLE customer_stats ADD CONSTRAINT fk_customer_stats_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE;
