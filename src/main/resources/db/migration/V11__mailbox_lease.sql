-- Issue 6, promise 6: in a cluster one node polls the service mailbox at a time; a lease that runs out
-- (the node stopped) lets another node take over.
create table mailbox_lease (
    mailbox varchar(400) primary key,
    holder  varchar(64)  not null,
    until   timestamp with time zone not null
);
