-- Hashfleet store, version 1: registry, raw samples, latest sample, rollups, alerts.
--
-- Portable on purpose: only BIGINT, INTEGER, DOUBLE, VARCHAR, BOOLEAN and TIMESTAMP, so the same
-- file can create a PostgreSQL schema later. Every TIMESTAMP holds UTC (the store converts
-- Instants itself), which avoids session-time-zone surprises in either database.
--
-- No secondary indexes: DuckDB prunes by min/max per row group, and samples and rollups arrive in
-- time order, so a time-range scan is already cheap; an index would only slow the appender.

CREATE TABLE miners (
  address     VARCHAR PRIMARY KEY,  -- "host:port"
  host        VARCHAR NOT NULL,
  port        INTEGER NOT NULL,
  sort_key    BIGINT,               -- IPv4 as a number so listings read 10.0.0.2 before 10.0.0.10; null for host names
  make        VARCHAR NOT NULL,
  model_name  VARCHAR,
  model_id    VARCHAR,
  dialect     VARCHAR NOT NULL,
  firmware    VARCHAR,
  mac         VARCHAR,
  site        VARCHAR,
  rack        VARCHAR,
  position    INTEGER
);

-- One row per poll per miner. site and model_id are copied in at write time (from the registry
-- when the sample lacks them) so rollups group without a join and stay right after a machine moves.
CREATE TABLE samples (
  sampled_at       TIMESTAMP NOT NULL,
  address          VARCHAR NOT NULL,
  health           VARCHAR NOT NULL,   -- HealthState.code()
  detail           VARCHAR,
  answered         BOOLEAN NOT NULL,   -- false when the poll got no telemetry
  hashrate_mhs     BIGINT NOT NULL,    -- 0 when not answered, so averages count the lost hashrate
  hashrate_avg_mhs BIGINT NOT NULL,
  power_w          INTEGER,
  temp_max_c       DOUBLE,
  boards_alive     INTEGER,
  boards_total     INTEGER,
  fan_min_rpm      INTEGER,
  fan_max_rpm      INTEGER,
  accepted         BIGINT,
  rejected         BIGINT,
  stale            BIGINT,
  hw_errors        BIGINT,
  uptime_s         BIGINT,
  pool_url         VARCHAR,
  model_id         VARCHAR,
  site             VARCHAR
);

-- The newest sample of each miner, kept so fleet-wide listings never scan the samples table. No
-- primary key on purpose: the store replaces rows by delete-and-insert in bulk, which DuckDB does
-- far faster than ON CONFLICT updates against an index (one row per address is kept by the store).
CREATE TABLE latest (
  sampled_at       TIMESTAMP NOT NULL,
  address          VARCHAR NOT NULL,
  health           VARCHAR NOT NULL,
  detail           VARCHAR,
  answered         BOOLEAN NOT NULL,
  hashrate_mhs     BIGINT NOT NULL,
  hashrate_avg_mhs BIGINT NOT NULL,
  power_w          INTEGER,
  temp_max_c       DOUBLE,
  boards_alive     INTEGER,
  boards_total     INTEGER,
  fan_min_rpm      INTEGER,
  fan_max_rpm      INTEGER,
  accepted         BIGINT,
  rejected         BIGINT,
  stale            BIGINT,
  hw_errors        BIGINT,
  uptime_s         BIGINT,
  pool_url         VARCHAR,
  model_id         VARCHAR,
  site             VARCHAR
);

-- Per miner, 5-minute buckets. hashrate_mhs and power_w are averages over the bucket's samples,
-- an unanswered poll counting as 0 MH/s and 0 W; power_w is null when none reported power.
CREATE TABLE rollup_miner_5m (
  bucket           TIMESTAMP NOT NULL,
  address          VARCHAR NOT NULL,
  site             VARCHAR,
  model_id         VARCHAR,
  hashrate_mhs     BIGINT NOT NULL,
  power_w          BIGINT,
  temp_max_c       DOUBLE,
  samples          INTEGER NOT NULL,
  samples_answered INTEGER NOT NULL,
  samples_ok       INTEGER NOT NULL
);

-- Fleet, per site and per model. scope_kind is 'fleet', 'site' or 'model'; scope_key is the site
-- name or model id ('' for the fleet and for miners with no site or model). hashrate_mhs and
-- power_w are sums of each miner's average over the bucket; miners_ok counts miners whose last
-- sample in the bucket was ok.
CREATE TABLE rollup_group_1m (
  bucket           TIMESTAMP NOT NULL,
  scope_kind       VARCHAR NOT NULL,
  scope_key        VARCHAR NOT NULL,
  hashrate_mhs     BIGINT NOT NULL,
  power_w          BIGINT,
  miners_reporting INTEGER NOT NULL,
  miners_ok        INTEGER NOT NULL,
  samples          BIGINT NOT NULL,
  samples_answered BIGINT NOT NULL
);

CREATE TABLE rollup_group_1h (
  bucket           TIMESTAMP NOT NULL,
  scope_kind       VARCHAR NOT NULL,
  scope_key        VARCHAR NOT NULL,
  hashrate_mhs     BIGINT NOT NULL,
  power_w          BIGINT,
  miners_reporting INTEGER NOT NULL,
  miners_ok        INTEGER NOT NULL,
  samples          BIGINT NOT NULL,
  samples_answered BIGINT NOT NULL
);

-- How far each rollup has been computed: every bucket starting before rolled_to is done. This is
-- what makes rollUp incremental and idempotent without a unique index on the rollup tables.
CREATE TABLE rollup_state (
  rollup    VARCHAR PRIMARY KEY,
  rolled_to TIMESTAMP NOT NULL
);

CREATE SEQUENCE alert_id START 1;

CREATE TABLE alerts (
  id      BIGINT PRIMARY KEY DEFAULT nextval('alert_id'),
  address VARCHAR NOT NULL,
  kind    VARCHAR NOT NULL,   -- HealthState.code()
  opened  TIMESTAMP NOT NULL,
  closed  TIMESTAMP,
  detail  VARCHAR
);
