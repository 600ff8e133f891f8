-- Issue 7: one name per shipment kind across models, forms and code: the two REPAIR shipments of a warranty repair
-- are now TO_SUPPLIER and REPAIRED_UNIT, as the outside-system hand-off names them (references W-<case>-to-supplier
-- and W-<case>-repaired tell them apart).
update shipment set kind = 'TO_SUPPLIER' where kind = 'REPAIR' and reference like '%-to-supplier';
update shipment set kind = 'REPAIRED_UNIT' where kind = 'REPAIR';
update external_request set operation = 'TO_SUPPLIER'
  where system = 'CARRIER' and operation = 'REPAIR' and reference like '%-to-supplier';
update external_request set operation = 'REPAIRED_UNIT' where system = 'CARRIER' and operation = 'REPAIR';
