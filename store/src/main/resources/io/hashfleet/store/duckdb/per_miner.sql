-- Each miner's figures per bucket of {width} microseconds (aligned to the epoch), from raw samples.
-- The building block of every rollup and of series that read raw samples, so a bucket computes the
-- same whether it was rolled up yet or not. An unanswered poll counts as 0 MH/s and 0 W, so a
-- miner's averages, summed over miners, agree across grains (an hour of a fleet equals the mean of
-- its minutes); power stays null only when the miner reported none in the whole bucket.
SELECT (epoch_us(sampled_at) // {width}) * {width} AS bucket_us,
       address,
       arg_max(site, sampled_at) AS site,
       arg_max(model_id, sampled_at) AS model_id,
       avg(hashrate_mhs) AS hashrate_mhs,
       CASE WHEN count(power_w) = 0 THEN NULL ELSE sum(power_w) / count(*) END AS power_w,
       max(temp_max_c) AS temp_max_c,
       count(*) AS samples,
       count(*) FILTER (WHERE answered) AS samples_answered,
       count(*) FILTER (WHERE health = 'ok') AS samples_ok,
       arg_max(health, sampled_at) AS last_health
FROM samples
WHERE {where}
GROUP BY 1, 2
