-- Issue 6, promises 7 and 8: a bounce marks the message it bounced instead of opening a case; the ledger
-- says why a mail opened no case (auto-reply, bulk, bounce, our own address).
alter table case_message add column delivery_failure varchar(1000);
alter table inbound_mail add column disposition varchar(500);
