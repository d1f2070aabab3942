-- masa schema, version 14: the lead and delegated safeguarding partners.
-- Working Together 2023: each of the three safeguarding partners (the local
-- authority, the integrated care board, the police) has a lead safeguarding
-- partner (LSP: its chief executive or chief officer), who may delegate to
-- a delegated safeguarding partner (DSP). Both are people of the
-- partnership; only an organisation whose part is safeguarding_partner has
-- them (gov_organisation_create and _update keep it so).
ALTER TABLE organisation ADD COLUMN lead_person_id BIGINT REFERENCES person(id);
ALTER TABLE organisation ADD COLUMN delegate_person_id BIGINT REFERENCES person(id);
