-- Each audit row from now on carries the hash of the row before it and its own (AuditChain): a row inserted, back-dated
-- or changed outside the application breaks the chain, and `audit verify` names it. Rows written before stay unchained.
ALTER TABLE reportengine.audit_events ADD COLUMN previous_hash text, ADD COLUMN hash text;
