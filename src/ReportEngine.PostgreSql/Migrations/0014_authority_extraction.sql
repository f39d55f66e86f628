-- authority.csv's optional columns (coverage.md): the day the data was extracted, and the adult population.
ALTER TABLE reportengine.authorities ADD COLUMN extracted_on date, ADD COLUMN adult_population integer;
