-- ASP.NET Core Data Protection's key ring (the keys that sign sign-in cookies and antiforgery tokens), shared by every
-- serve on the database; each key's XML is encrypted with a certificate kept outside the database.
CREATE TABLE reportengine.sign_in_keys (
    name text PRIMARY KEY,
    xml text NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now()
);
