-- The identifiers a merchant's earlier system gave its records (an invoice number, a customer number), so
-- an import of that system's history recognises what it already brought in and a re-run creates nothing.
ALTER TABLE orders ADD COLUMN external_reference VARCHAR(64);
CREATE UNIQUE INDEX uq_orders_external_reference ON orders (external_reference);

ALTER TABLE customer ADD COLUMN external_reference VARCHAR(64);
CREATE UNIQUE INDEX uq_customer_external_reference ON customer (external_reference);

-- A credit note may refund several orders, one refund each: not unique.
ALTER TABLE refund ADD COLUMN external_reference VARCHAR(64);
CREATE INDEX idx_refund_external_reference ON refund (external_reference);
