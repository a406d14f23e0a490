-- Fits of the customer models (BG/NBD for purchases and dropout, Gamma-Gamma for spend per purchase): the parameters
-- under the papers' names, the log-likelihoods, the sample and the calibration window. The latest fit is the one in use.
CREATE TABLE customer_model (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    fitted_at       DATETIME(6) NOT NULL,
    calibration_end DATE        NOT NULL,
    cohort_start    DATE,
    cohort_end      DATE,
    customers       INT         NOT NULL,
    repeat_buyers   INT         NOT NULL,
    r               DOUBLE      NOT NULL,
    alpha           DOUBLE      NOT NULL,
    a               DOUBLE      NOT NULL,
    b               DOUBLE      NOT NULL,
    bgnbd_log_likelihood DOUBLE NOT NULL,
    p               DOUBLE,
    q               DOUBLE,
    v               DOUBLE,
    gamma_gamma_log_likelihood DOUBLE,
    fit_millis      BIGINT      NOT NULL
);
