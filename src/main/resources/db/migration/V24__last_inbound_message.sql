-- When the customer last wrote, on the case itself (README decision 79): the one-touch KPI reads it for every case of
-- a period without looking into each case's thread.
alter table service_case add column last_inbound_at timestamp with time zone;
update service_case c set last_inbound_at = (select max(m.created_at) from case_message m
    where m.case_id = c.id and m.direction = 'INBOUND');
