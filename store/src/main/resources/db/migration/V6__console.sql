-- Hashfleet store, version 6: tenants, users and what the console records.
--
-- An operator hosts and runs sites for several owners; each owner is a tenant that sees only its
-- own miners. Ownership is per miner, not per site, because one hosted site often holds machines
-- of several owners.

CREATE TABLE tenants (
  id         VARCHAR PRIMARY KEY,   -- short slug used in URLs and in rollup scope keys
  name       VARCHAR NOT NULL,
  kind       VARCHAR NOT NULL,      -- operator, owner
  created_at TIMESTAMP NOT NULL
);

-- Which owner each miner belongs to. A miner with no row belongs to no owner: only the operator
-- sees it.
CREATE TABLE miner_owners (
  address VARCHAR PRIMARY KEY,      -- miners.address
  tenant  VARCHAR NOT NULL          -- tenants.id, kind owner
);

CREATE TABLE users (
  username      VARCHAR PRIMARY KEY,
  tenant        VARCHAR NOT NULL,   -- tenants.id
  role          VARCHAR NOT NULL,   -- operator-admin, operator, owner-admin, owner, viewer
  password_hash VARCHAR NOT NULL,   -- PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash)
  created_at    TIMESTAMP NOT NULL,
  disabled      BOOLEAN NOT NULL
);

-- Tokens for scripts. Only a SHA-256 of the token is kept: a stolen store does not yield tokens.
CREATE TABLE api_tokens (
  token_sha256 VARCHAR PRIMARY KEY,  -- hex
  username     VARCHAR NOT NULL,
  label        VARCHAR NOT NULL,
  created_at   TIMESTAMP NOT NULL,
  revoked_at   TIMESTAMP
);

CREATE SEQUENCE console_audit_seq START 1;

-- Append-only: logins (good and bad), logouts, token changes, and every command sent to miners
-- from the console or the API.
CREATE TABLE console_audit (
  seq       BIGINT PRIMARY KEY DEFAULT nextval('console_audit_seq'),
  logged_at TIMESTAMP NOT NULL,
  username  VARCHAR,                -- null when the login named no known user
  tenant    VARCHAR,
  action    VARCHAR NOT NULL,       -- login, login_failed, login_throttled, logout, token_created, command, ...
  target    VARCHAR,                -- miner address, site or event id the action was about
  detail    VARCHAR,
  client_ip VARCHAR
);
