-- Issue 22: authority.csv's optional complaints_contact, printed in the annual complaints report's "How to make a complaint".
ALTER TABLE reportengine.authorities ADD COLUMN complaints_contact text;
