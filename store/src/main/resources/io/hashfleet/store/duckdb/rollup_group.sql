-- Fleet, every site, every model, every owner and every owner's part of each site, in one pass over
-- the per-miner figures.
--
-- Owner rows (scope_kind 'owner', key tenant; 'owner_site', key tenant/site) let the console show
-- an owner its own machines only: a site-wide row would include other owners' hashrate.
-- Ownership is read from miner_owners as it stands when the bucket is rolled up, and a rolled
-- bucket is never recomputed: if a miner changes owner later, its past buckets stay with the old
-- owner. (Buckets not rolled up yet are computed from raw samples with ownership at query time.)
-- Miners with no owner count in the fleet, site and model rows only: the HAVING drops the groups
-- whose owner is NULL, so no owner row has the key '' or '/site'.
INSERT INTO {table}
SELECT make_timestamp(bucket_us),
       CASE WHEN grouping(owner) = 0 AND grouping(site) = 0 THEN 'owner_site'
            WHEN grouping(owner) = 0 THEN 'owner'
            WHEN grouping(site) = 0 THEN 'site' WHEN grouping(model_id) = 0 THEN 'model' ELSE 'fleet' END,
       CASE WHEN grouping(owner) = 0 AND grouping(site) = 0 THEN owner || '/' || site
            WHEN grouping(owner) = 0 THEN owner
            WHEN grouping(site) = 0 THEN site WHEN grouping(model_id) = 0 THEN model_id ELSE '' END,
       round(sum(hashrate_mhs))::BIGINT,
       round(sum(power_w))::BIGINT,
       count(*) FILTER (WHERE samples_answered > 0),
       count(*) FILTER (WHERE last_health = 'ok'),
       sum(samples),
       sum(samples_answered)
FROM (
  SELECT pm.bucket_us, coalesce(pm.site, '') AS site, coalesce(pm.model_id, '') AS model_id, mo.tenant AS owner,
         pm.hashrate_mhs, pm.power_w, pm.samples, pm.samples_answered, pm.last_health
  FROM ({per_miner}) pm
  LEFT JOIN miner_owners mo ON mo.address = pm.address
) g
GROUP BY GROUPING SETS ((bucket_us), (bucket_us, site), (bucket_us, model_id), (bucket_us, owner), (bucket_us, owner, site))
HAVING grouping(owner) = 1 OR owner IS NOT NULL
