-- Usernames are unique whatever their case: DEMO beside demo would be two accounts a person cannot tell apart.
-- The application writes username_key (the name in lower case) with every account.
ALTER TABLE app_user ADD COLUMN username_key VARCHAR(150);
UPDATE app_user SET username_key = LOWER(username);
CREATE UNIQUE INDEX uq_app_user_username_key ON app_user (username_key);

-- Failed logins per account and per client address, counted in a window, shared by every instance: after ten
-- failures in fifteen minutes the subject is refused with 429 until the window ends.
CREATE TABLE login_failure (
    subject      VARCHAR(200) NOT NULL PRIMARY KEY,
    failures     INT          NOT NULL,
    window_start BIGINT       NOT NULL
);
