INSERT INTO rollup_miner_5m
SELECT make_timestamp(bucket_us), address, site, model_id, round(hashrate_mhs)::BIGINT, round(power_w)::BIGINT,
       temp_max_c, samples, samples_answered, samples_ok
FROM ({per_miner}) pm
