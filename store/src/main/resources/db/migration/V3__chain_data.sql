-- Hashfleet store, version 3: chain data for production accounting.

-- Difficulty epochs fetched from a node, an Esplora API or a CSV file, on top of the history
-- bundled with the program. One row per height where a difficulty is known to start.
CREATE TABLE chain_epochs (
  height      INTEGER PRIMARY KEY,
  started_at  TIMESTAMP NOT NULL,
  bits        BIGINT NOT NULL,      -- compact target; 0 when the source gave only the difficulty
  difficulty  DOUBLE NOT NULL,
  source      VARCHAR NOT NULL
);

-- Fees per block from a node's getblockstats, for FPPS expectations and hashprice.
CREATE TABLE block_fees (
  height          INTEGER PRIMARY KEY,
  mined_at        TIMESTAMP NOT NULL,
  total_fee_sats  BIGINT NOT NULL
);
