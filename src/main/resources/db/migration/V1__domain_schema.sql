-- The domain of the earlier service. Written once for H2 (MySQL mode) and MySQL/MariaDB alike:
-- money is DECIMAL(12,2); instants are DATETIME(6) holding UTC (the server runs in UTC).

CREATE TABLE category (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    description VARCHAR(1000),
    CONSTRAINT uq_category_name UNIQUE (name)
);

CREATE TABLE tag (
    id   BIGINT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(50) NOT NULL,
    CONSTRAINT uq_tag_name UNIQUE (name)
);

CREATE TABLE product (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(4000),
    sku         VARCHAR(64)   NOT NULL,
    price       DECIMAL(12,2) NOT NULL,
    category_id BIGINT        NOT NULL,
    is_active   BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_product_sku UNIQUE (sku),
    CONSTRAINT ck_product_price CHECK (price >= 0)
);
CREATE INDEX idx_product_category ON product (category_id);
ALTER TABLE product ADD CONSTRAINT fk_product_category FOREIGN KEY (category_id) REFERENCES category (id);

CREATE TABLE product_tag (
    product_id BIGINT NOT NULL,
    tag_id     BIGINT NOT NULL,
    PRIMARY KEY (product_id, tag_id)
);
CREATE INDEX idx_product_tag_tag ON product_tag (tag_id);
ALTER TABLE product_tag ADD CONSTRAINT fk_product_tag_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE;
ALTER TABLE product_tag ADD CONSTRAINT fk_product_tag_tag FOREIGN KEY (tag_id) REFERENCES tag (id) ON DELETE CASCADE;

CREATE TABLE customer (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    email             VARCHAR(254) NOT NULL,
    country           CHAR(2)      NOT NULL,
    registration_date DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_customer_email UNIQUE (email)
);
CREATE INDEX idx_customer_country ON customer (country);

CREATE TABLE orders (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id  BIGINT        NOT NULL,
    order_date   DATETIME(6)   NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    total_amount DECIMAL(12,2) NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT ck_orders_status CHECK (status IN ('pending', 'shipped', 'delivered', 'canceled')),
    CONSTRAINT ck_orders_total CHECK (total_amount >= 0)
);
CREATE INDEX idx_orders_customer ON orders (customer_id, order_date);
CREATE INDEX idx_orders_order_date ON orders (order_date);
CREATE INDEX idx_orders_status_date ON orders (status, order_date);
ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id);

CREATE TABLE order_item (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id               BIGINT        NOT NULL,
    product_id             BIGINT        NOT NULL,
    quantity               INT           NOT NULL,
    price_at_time_of_order DECIMAL(12,2) NOT NULL,
    CONSTRAINT ck_order_item_quantity CHECK (quantity > 0),
    CONSTRAINT ck_order_item_price CHECK (price_at_time_of_order >= 0)
);
CREATE INDEX idx_order_item_order ON order_item (order_id);
CREATE INDEX idx_order_item_product ON order_item (product_id);
ALTER TABLE order_item ADD CONSTRAINT fk_order_item_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE;
ALTER TABLE order_item ADD CONSTRAINT fk_order_item_product FOREIGN KEY (product_id) REFERENCES product (id);

CREATE TABLE inventory (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    product_id          BIGINT      NOT NULL,
    quantity            INT         NOT NULL DEFAULT 0,
    last_restocked_date DATETIME(6),
    low_stock_threshold INT         NOT NULL DEFAULT 10,
    version             BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT uq_inventory_product UNIQUE (product_id),
    CONSTRAINT ck_inventory_quantity CHECK (quantity >= 0),
    CONSTRAINT ck_inventory_threshold CHECK (low_stock_threshold >= 0)
);
ALTER TABLE inventory ADD CONSTRAINT fk_inventory_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE;

CREATE TABLE app_user (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(150) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    is_active     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_app_user_username UNIQUE (username),
    CONSTRAINT ck_app_user_role CHECK (role IN ('admin', 'analyst'))
);

-- One row per issued refresh token; tokens issued from one login share a family, so presenting
-- a used token again (a sign of theft) revokes every token of that family.
CREATE TABLE refresh_token (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_id   VARCHAR(64) NOT NULL,
    family_id  VARCHAR(64) NOT NULL,
    user_id    BIGINT      NOT NULL,
    issued_at  DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6),
    revoked_at DATETIME(6),
    CONSTRAINT uq_refresh_token_token UNIQUE (token_id)
);
CREATE INDEX idx_refresh_token_family ON refresh_token (family_id);
CREATE INDEX idx_refresh_token_user ON refresh_token (user_id);
CREATE INDEX idx_refresh_token_expires ON refresh_token (expires_at);
ALTER TABLE refresh_token ADD CONSTRAINT fk_refresh_token_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE;
