-- Issue 6, promise 11: every "once per case and reference" of the back office is held by the database, not
-- only by a look-up before an insert (two parallel jobs both look, both insert).
create unique index shipment_once_uk on shipment (case_number, kind, reference);
create unique index refund_once_uk on refund (case_number, reference);
create unique index payment_request_reference_uk on payment_request (reference);
create unique index external_request_once_uk on external_request (case_number, operation, reference);
create unique index stock_movement_once_uk on stock_movement (kind, case_number, reference)
    where case_number is not null and reference is not null;
