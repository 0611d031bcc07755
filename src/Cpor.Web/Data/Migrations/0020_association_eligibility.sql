-- Issue 5: the eligibility verdict of each official association (CPOR.md §10), written in the
-- transaction that made the association Active. DDL as printed by `--print-schema`.
CREATE TABLE association_eligibility (
    association_id character varying(40) NOT NULL,
    eligible boolean NOT NULL,
    program_id character varying(40),
    reasons jsonb NOT NULL,
    evaluated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_association_eligibility PRIMARY KEY (association_id),
    CONSTRAINT fk_association_eligibility_associations_association_id FOREIGN KEY (association_id) REFERENCES associations (id) ON DELETE CASCADE
);
