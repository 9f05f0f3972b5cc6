-- Hashfleet store, version 7: whose books the store keeps.
--
-- Payouts and the treasury ledger (V4) carry no tenant: a store keeps one owner's books. This names
-- that owner, so the console shows payouts and holdings to that owner's people and to no one else
-- (not even the operator, who hosts the machines but does not own the coins).

CREATE TABLE settings (
  key   VARCHAR PRIMARY KEY,   -- books_tenant: tenants.id of the owner whose payouts and ledger these are
  value VARCHAR NOT NULL
);
