-- web.md version 2: a password an Admin sets is temporary (changed at the next sign-in); a token's last use is shown.
ALTER TABLE reportengine.accounts ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE reportengine.api_tokens ADD COLUMN last_used_at timestamptz;
