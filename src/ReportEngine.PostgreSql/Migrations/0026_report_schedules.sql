-- web.md version 2: schedules an Admin manages on the dashboard, per authority and kind; the settings
-- (ReportEngine__Schedules__KIND, or the kind's own default) apply where no row says otherwise.
CREATE TABLE reportengine.report_schedules (
    authority  text NOT NULL,
    kind       text NOT NULL,
    paused     boolean NOT NULL DEFAULT false,
    cron       text,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (authority, kind)
);
