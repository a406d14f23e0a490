-- Every import of past sales is kept: who brought in which file, when, how far it got, what it created and
-- every row it refused, with the row as it was in the file so the merchant can fix and import just those.
CREATE TABLE import_run (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    started_by VARCHAR(150) NOT NULL,
    started_at DATETIME NOT NULL,
    finished_at DATETIME,
    file_name VARCHAR(255),
    file_bytes BIGINT NOT NULL DEFAULT 0,
    time_zone VARCHAR(64) NOT NULL,
    header VARCHAR(4000),
    status VARCHAR(16) NOT NULL,
    rows_read BIGINT NOT NULL DEFAULT 0,
    invoices_staged BIGINT NOT NULL DEFAULT 0,
    invoices_done BIGINT NOT NULL DEFAULT 0,
    writing_since DATETIME,
    orders_created BIGINT NOT NULL DEFAULT 0,
    items_created BIGINT NOT NULL DEFAULT 0,
    refunds_created BIGINT NOT NULL DEFAULT 0,
    customers_created BIGINT NOT NULL DEFAULT 0,
    products_created BIGINT NOT NULL DEFAULT 0,
    invoices_already_imported BIGINT NOT NULL DEFAULT 0,
    rows_already_imported BIGINT NOT NULL DEFAULT 0,
    rows_rejected BIGINT NOT NULL DEFAULT 0,
    error VARCHAR(1000)
);

CREATE TABLE import_rejection (
    import_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    reason VARCHAR(1000) NOT NULL,
    raw VARCHAR(4000) NOT NULL,
    PRIMARY KEY (import_id, line)
);

-- One import at a time across instances: a lease on this row, claimed and renewed in short transactions of
-- its own (never held as a lock), that lapses when its holder dies.
CREATE TABLE import_lease (
    id INT PRIMARY KEY,
    import_id BIGINT,
    lease_until BIGINT NOT NULL DEFAULT 0
);
INSERT INTO import_lease (id, import_id, lease_until) VALUES (1, NULL, 0);
