-- A mail that carries a secret (the customer's status link) keeps it only until it is sent: the body to keep
-- afterwards waits here and replaces the body when the mail is recorded SENT.
alter table aftersales.outbound_mail add column redacted_body text;
