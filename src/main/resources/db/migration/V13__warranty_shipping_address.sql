-- Issue 7: a warranty remedy that ships to the customer needs an address; when no order holds one, the agent
-- records it with the assessment.
alter table warranty_claim add column shipping_address varchar(1000);
