-- Every signed-in session carries its account's session generation; signing out, a password change and disabling
-- move the generation on, which ends every session of that person at once (a saved cookie no longer works).
ALTER TABLE reportengine.accounts ADD COLUMN session_generation bigint NOT NULL DEFAULT 1;
