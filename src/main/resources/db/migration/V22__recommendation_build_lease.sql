-- A recommendation model build runs on one instance at a time through its job lease, as the customer model fit and the
-- demand forecast build do (the row lock on recommendation_state it took before is not replicated by a Galera cluster).
INSERT INTO job_lease (job, holder, lease_until) VALUES ('recommendation_model_build', NULL, 0);
