-- Fold the writer's pending samples into latest. The current rows of the affected miners join the
-- pending ones first, so a late, older sample never replaces a newer one; then those miners' rows
-- are replaced in bulk by the newest of each.
INSERT INTO latest_pending
SELECT * FROM latest WHERE address IN (SELECT address FROM latest_pending);

DELETE FROM latest WHERE address IN (SELECT address FROM latest_pending);

INSERT INTO latest
SELECT sampled_at, address, health, detail, answered, hashrate_mhs, hashrate_avg_mhs, power_w, temp_max_c,
       boards_alive, boards_total, fan_min_rpm, fan_max_rpm, accepted, rejected, stale, hw_errors,
       uptime_s, pool_url, model_id, site, fans_rpm
FROM (
  SELECT *, row_number() OVER (PARTITION BY address ORDER BY sampled_at DESC) AS rn
  FROM latest_pending
) newest
WHERE rn = 1;

DELETE FROM latest_pending;
