-- Issue 7: a case's second warranty claim (e.g. after an abandoned one) is a new record, not an overwrite of the
-- first; the record is versioned like the other procedures' records (optimistic locking between nodes).
alter table warranty_claim drop constraint warranty_claim_case_number_key;
alter table warranty_claim add column process_instance_id varchar(64);
alter table warranty_claim add column version bigint not null default 0;
create unique index warranty_claim_process_instance_ux on warranty_claim (process_instance_id);
create index warranty_claim_case_ix on warranty_claim (case_number, id);
