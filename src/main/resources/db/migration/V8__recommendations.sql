-- The recommendation model: built from the order history by RecommendationModelBuild and shared by every
-- app instance. Each build writes a new model_id; requests read the model marked active, so a build
-- switches every instance over at once and a failed build leaves the previous model in use.

CREATE TABLE recommendation_model (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    status         VARCHAR(16) NOT NULL,
    trained_before DATETIME(6) NOT NULL,
    started_at     DATETIME(6) NOT NULL,
    finished_at    DATETIME(6),
    customers      INT         NOT NULL DEFAULT 0,
    products       INT         NOT NULL DEFAULT 0,
    order_lines    BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT ck_recommendation_model_status CHECK (status IN ('building', 'active', 'retired'))
);

-- One row: the model requests read, and the row a build or a switch locks so that one runs at a time.
CREATE TABLE recommendation_state (
    id              INT PRIMARY KEY,
    active_model_id BIGINT
);
INSERT INTO recommendation_state (id, active_model_id) VALUES (1, NULL);

-- Item-to-item similarity (Linden, Smith and York 2003): each product's most similar products by the
-- cosine of their buyer vectors, with how many customers bought both.
CREATE TABLE product_neighbour (
    model_id     BIGINT NOT NULL,
    product_id   BIGINT NOT NULL,
    neighbour_id BIGINT NOT NULL,
    similarity   DOUBLE NOT NULL,
    co_buyers    INT    NOT NULL,
    PRIMARY KEY (model_id, product_id, neighbour_id)
);

-- What each customer's nearest customers (by the cosine of their purchase vectors) bought and the customer
-- had not: each product scored by the sum of the similarities of the neighbours who bought it.
CREATE TABLE similar_customer_product (
    model_id    BIGINT NOT NULL,
    customer_id BIGINT NOT NULL,
    product_id  BIGINT NOT NULL,
    score       DOUBLE NOT NULL,
    PRIMARY KEY (model_id, customer_id, product_id)
);

-- Recency-weighted units sold per country and category (country '' = every country), the best sellers
-- of each kept for cold starts and the inventory type.
CREATE TABLE product_popularity (
    model_id    BIGINT  NOT NULL,
    country     VARCHAR(2) NOT NULL,
    category_id BIGINT  NOT NULL,
    product_id  BIGINT  NOT NULL,
    score       DOUBLE  NOT NULL,
    PRIMARY KEY (model_id, country, category_id, product_id)
);
CREATE INDEX idx_product_popularity_rank ON product_popularity (model_id, country, score);
