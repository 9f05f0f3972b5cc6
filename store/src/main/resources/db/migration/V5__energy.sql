-- Hashfleet store, version 5: the energy audit trail.

-- What triggered curtailment: demand-response calls, 4CP windows, economic decisions, operators.
CREATE TABLE energy_events (
  id              VARCHAR PRIMARY KEY,
  kind            VARCHAR NOT NULL,   -- demand_response, four_cp, economic, manual
  site            VARCHAR,            -- null for the whole fleet
  shed_watts      BIGINT,
  received_at     TIMESTAMP NOT NULL,
  deadline        TIMESTAMP,          -- the shed must be complete by then
  ends_at         TIMESTAMP,          -- machines slept for it are woken after this
  baseline_watts  BIGINT,
  source          VARCHAR NOT NULL,   -- who posted it: api, cli user, grid signal file
  closed_at       TIMESTAMP           -- set once every machine slept for it was woken again
);

-- Every command sent to a miner and what came of it, append-only: one row per attempt, then a
-- confirmation row once telemetry shows the power really changed. A miner's current state under
-- the controller is its latest row; a restart resumes from here.
CREATE TABLE energy_actions (
  seq              BIGINT NOT NULL,
  acted_at         TIMESTAMP NOT NULL,
  event_id         VARCHAR,            -- null for economic decisions
  site             VARCHAR,
  address          VARCHAR NOT NULL,
  command          VARCHAR NOT NULL,   -- sleep, wake
  planned_watts    BIGINT NOT NULL,    -- the draw the command removes (sleep) or adds (wake)
  attempt          INTEGER NOT NULL,
  outcome          VARCHAR NOT NULL,   -- accepted, refused, failed, confirmed, unconfirmed
  detail           VARCHAR,
  measured_watts   BIGINT              -- confirmation: the draw telemetry reported
);
