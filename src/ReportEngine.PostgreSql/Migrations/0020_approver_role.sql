-- review.md: a fourth role, Approver, between Requester and Admin.
ALTER TABLE reportengine.accounts DROP CONSTRAINT accounts_role_check;
ALTER TABLE reportengine.accounts ADD CONSTRAINT accounts_role_check CHECK (role IN ('Viewer', 'Requester', 'Approver', 'Admin'));
