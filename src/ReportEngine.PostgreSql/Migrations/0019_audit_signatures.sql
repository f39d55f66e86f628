-- Each audit row from now on also carries the archive key's signature over its hash (AuditChain): a row inserted at the
-- end of the chain by someone who can write to the database, with a hash of its own that links on, still lacks a
-- signature only the application's key can make. Rows written before stay unsigned.
ALTER TABLE reportengine.audit_events ADD COLUMN signature text;
