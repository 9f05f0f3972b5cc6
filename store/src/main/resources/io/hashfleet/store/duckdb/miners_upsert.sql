-- Merge the staged batch into the registry. The location is one unit: a rescan that knows none of
-- site, rack or position keeps what is on record (an operator's or an earlier import's), while a
-- rescan that knows any part replaces all three.
INSERT INTO miners (address, host, port, sort_key, make, model_name, model_id, dialect, firmware, mac, site, rack, position)
SELECT address, host, port, sort_key, make, model_name, model_id, dialect, firmware, mac, site, rack, position
FROM miner_batch
ON CONFLICT (address) DO UPDATE SET
  host = excluded.host,
  port = excluded.port,
  sort_key = excluded.sort_key,
  make = excluded.make,
  model_name = excluded.model_name,
  model_id = excluded.model_id,
  dialect = excluded.dialect,
  firmware = excluded.firmware,
  mac = excluded.mac,
  site = CASE WHEN excluded.site IS NULL AND excluded.rack IS NULL AND excluded.position IS NULL THEN miners.site ELSE excluded.site END,
  rack = CASE WHEN excluded.site IS NULL AND excluded.rack IS NULL AND excluded.position IS NULL THEN miners.rack ELSE excluded.rack END,
  position = CASE WHEN excluded.site IS NULL AND excluded.rack IS NULL AND excluded.position IS NULL THEN miners.position ELSE excluded.position END
