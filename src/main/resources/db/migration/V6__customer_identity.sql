-- A case belongs to the person who wrote (issue 6): an email address identifies a customer on its own;
-- a phone number matches only customers known by phone alone, and at most one such customer per number.
-- Phones are kept normalised (digits, optional leading '+'); fewer than 5 digits is no phone at all.
update customer set phone = case
    when length(regexp_replace(phone, '\D', '', 'g')) < 5 then null
    else (case when btrim(phone) like '+%' then '+' else '' end) || regexp_replace(phone, '\D', '', 'g') end
  where phone is not null;
create unique index customer_phone_only_uk on customer (phone) where email is null;

-- What the agent should check about a contact's details (e.g. a phone also on file for another customer).
alter table service_case add column contact_note varchar(500);
