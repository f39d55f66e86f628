-- Which periods an authority's dataset can report on (coverage.md), kept at import so that a request is answered without
-- reading the evidence: DatasetBounds as JSON. Null for a dataset imported before this column (its requests are then
-- checked when the report is issued).
ALTER TABLE reportengine.authorities ADD COLUMN bounds jsonb;
