-- Issue 6, the mail pipeline in its final shape: the mailbox reader only records a message (status RECEIVED,
-- raw bytes kept) and queues an engine job; any node's job executor turns it into a case. Until then a
-- reply waits for the earlier mail of its sender and for the mail it answers: this index finds them.
create index inbound_mail_received_ix on inbound_mail (lower(from_address), id) where status = 'RECEIVED';
