-- Refunds are their own records, dated when they happen: analytics net them on that date and the
-- order itself is never edited.
CREATE TABLE refund (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id    BIGINT        NOT NULL,
    refund_date DATETIME(6)   NOT NULL,
    amount      DECIMAL(12,2) NOT NULL,
    restocked   BOOLEAN       NOT NULL,
    reason      VARCHAR(500),
    created_at  DATETIME(6)   NOT NULL,
    CONSTRAINT ck_refund_amount CHECK (amount >= 0)
);
CREATE INDEX idx_refund_order ON refund (order_id);
CREATE INDEX idx_refund_date ON refund (refund_date);
ALTER TABLE refund ADD CONSTRAINT fk_refund_order FOREIGN KEY (order_id) REFERENCES orders (id);

CREATE TABLE refund_item (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    refund_id     BIGINT        NOT NULL,
    order_item_id BIGINT        NOT NULL,
    quantity      INT           NOT NULL,
    amount        DECIMAL(12,2) NOT NULL,
    CONSTRAINT ck_refund_item_quantity CHECK (quantity > 0)
);
CREATE INDEX idx_refund_item_refund ON refund_item (refund_id);
CREATE INDEX idx_refund_item_order_item ON refund_item (order_item_id);
ALTER TABLE refund_item ADD CONSTRAINT fk_refund_item_refund FOREIGN KEY (refund_id) REFERENCES refund (id) ON DELETE CASCADE;
ALTER TABLE refund_item ADD CONSTRAINT fk_refund_item_order_item FOREIGN KEY (order_item_id) REFERENCES order_item (id);

-- The first answer to a POST sent with an Idempotency-Key, replayed to retries for 24 hours. In the
-- database, so every instance of the application sees it.
CREATE TABLE idempotency_key (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    owner           VARCHAR(150) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    response_status INT          NOT NULL,
    response_body   MEDIUMTEXT   NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uq_idempotency_key UNIQUE (owner, idempotency_key)
);
CREATE INDEX idx_idempotency_key_expires ON idempotency_key (expires_at);
