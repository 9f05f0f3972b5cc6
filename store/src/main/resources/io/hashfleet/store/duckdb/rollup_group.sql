-- Fleet, every site and every model in one pass over the per-miner figures.
INSERT INTO {table}
SELECT make_timestamp(bucket_us),
       CASE WHEN grouping(site) = 0 THEN 'site' WHEN grouping(model_id) = 0 THEN 'model' ELSE 'fleet' END,
       CASE WHEN grouping(site) = 0 THEN site WHEN grouping(model_id) = 0 THEN model_id ELSE '' END,
       round(sum(hashrate_mhs))::BIGINT,
       round(sum(power_w))::BIGINT,
       count(*) FILTER (WHERE samples_answered > 0),
       count(*) FILTER (WHERE last_health = 'ok'),
       sum(samples),
       sum(samples_answered)
FROM (
  SELECT bucket_us, coalesce(site, '') AS site, coalesce(model_id, '') AS model_id, hashrate_mhs, power_w,
         samples, samples_answered, last_health
  FROM ({per_miner}) pm
) g
GROUP BY GROUPING SETS ((bucket_us), (bucket_us, site), (bucket_us, model_id))
