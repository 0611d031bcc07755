-- Associations live and end per unit, and arbitration hands a unit over only when the
-- challenger's association becomes Active (CPOR.md §6 revised; docs/decisions/0010-associations-per-unit.md).
-- DDL as printed by `--print-schema`.
ALTER TABLE associations ADD COLUMN superseded_by_claim_id character varying(40);

-- At every moment at most one Active association per unit; besides it (or an Approved one), at
-- most one other holder: the challenger the unit is promised to. Whoever holds a unit while it is
-- being handed over carries the challenger's claim id.
DROP INDEX ux_associations_unit_holder;
CREATE UNIQUE INDEX ux_associations_unit_active ON associations (unit_key) WHERE state = 'Active';
CREATE UNIQUE INDEX ux_associations_unit_holder ON associations (unit_key) WHERE state IN ('Approved', 'Active') AND superseded_by_claim_id IS NULL;
CREATE UNIQUE INDEX ux_associations_unit_handover ON associations (unit_key) WHERE state IN ('Approved', 'Active') AND superseded_by_claim_id IS NOT NULL;
CREATE INDEX ix_associations_superseded_by_claim_id ON associations (superseded_by_claim_id) WHERE superseded_by_claim_id IS NOT NULL;

-- Verdicts written for associations that never became Active (superseded during their consent
-- window) said "eligible"; they are evaluated again on the next read, never eligible.
DELETE FROM association_eligibility e USING associations a WHERE a.id = e.association_id AND a.active_from IS NULL;
