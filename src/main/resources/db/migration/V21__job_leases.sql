-- Work that must run on one instance at a time across all of them (a customer model fit, a demand forecast build):
-- a lease on the job's row, claimed and renewed by conditional UPDATEs in short transactions of their own (never a
-- lock held, which a Galera cluster would not replicate), that lapses at lease_until (epoch ms) if its holder dies.
CREATE TABLE job_lease (
    job         VARCHAR(40)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(80),
    lease_until BIGINT       NOT NULL DEFAULT 0
);
INSERT INTO job_lease (job, holder, lease_until) VALUES ('customer_model_fit', NULL, 0);
INSERT INTO job_lease (job, holder, lease_until) VALUES ('demand_forecast_build', NULL, 0);
