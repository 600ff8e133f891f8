-- Issue 6: one case per Idempotency-Key under any concurrency, keys expire, no plaintext token at rest.
-- The key is claimed (inserted) first, in the transaction that opens the case; the case's access token
-- is derived from a server secret and a per-key salt, so a replay can answer it without storing it.
-- Earlier records held plaintext tokens in their stored answer: they are dropped (keys live 24 hours).
delete from idempotency_record;
alter table idempotency_record drop column response_body;
alter table idempotency_record alter column case_number drop not null;
alter table idempotency_record add column token_salt varchar(64) not null;
create index idempotency_record_created_ix on idempotency_record (created_at);
