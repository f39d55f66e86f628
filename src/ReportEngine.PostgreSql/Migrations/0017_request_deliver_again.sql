-- A regeneration whose evidence and templates are unchanged is delivered again only when the person asked for it.
ALTER TABLE reportengine.report_requests ADD COLUMN deliver_again boolean NOT NULL DEFAULT false;
