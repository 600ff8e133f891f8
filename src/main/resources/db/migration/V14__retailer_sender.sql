-- Issue 7: a retailer writing from its own address about defective stock is routed to the bulk return, also
-- when no order of ours names it: the agent marks the sender as a retailer in the review.
alter table service_case add column retailer_sender boolean not null default false;
