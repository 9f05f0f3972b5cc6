-- Hashfleet store, version 4: pool payouts, the BTC treasury ledger and the USD price series.
-- Amounts of BTC are satoshis in BIGINT; USD is DECIMAL (exact in DuckDB and PostgreSQL alike).

-- Payouts as the pools reported them; each import is all-or-nothing.
CREATE TABLE payouts (
  id           VARCHAR PRIMARY KEY,   -- the pool's payout id (or transaction id)
  paid_at      TIMESTAMP NOT NULL,
  amount_sats  BIGINT NOT NULL,
  pool         VARCHAR,
  source_file  VARCHAR NOT NULL
);

-- The treasury: append-only. seq gives the order entries were appended in; nothing is updated or
-- deleted, corrections are new entries.
CREATE TABLE ledger (
  seq           BIGINT NOT NULL,
  id            VARCHAR PRIMARY KEY,
  kind          VARCHAR NOT NULL,      -- receipt, sale, transfer, fee
  entry_at      TIMESTAMP NOT NULL,
  amount_sats   BIGINT NOT NULL,       -- always positive; kind says which way it moves
  usd_proceeds  DECIMAL(24, 8),        -- sales only
  fee_sats      BIGINT,                -- a sale's or transfer's network fee
  counterparty  VARCHAR,               -- a receipt's source, a transfer's destination
  memo          VARCHAR,
  payout_id     VARCHAR                -- a receipt booked from a payout
);

-- Daily USD per BTC, for mark-to-market, hashprice in USD and cost basis.
CREATE TABLE btc_prices (
  day  DATE PRIMARY KEY,
  usd  DECIMAL(24, 8) NOT NULL
);
