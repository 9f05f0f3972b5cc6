-- Hashfleet store, version 9: each owner's own books in a shared store.
--
-- Until now payouts and the treasury ledger (V4) carried no owner, so a store hosting several owners
-- (V6) could keep only one owner's books, the one named by settings.books_tenant (V7): a second owner
-- never saw its own payouts or holdings. Each row now names the owner tenant whose books it is in.
--
-- NULL means the store's default books, i.e. the books tenant's when one is set, so rows written
-- before this version (and stores that keep one owner's books) read exactly as before. Ids stay
-- unique across the whole store (the PRIMARY KEYs are untouched): a payout id met again in another
-- owner's books is refused by name, never merged. btc_prices stays global: a market price is no one's.

ALTER TABLE payouts ADD COLUMN tenant VARCHAR;   -- tenants.id of the owner; NULL: the default books
ALTER TABLE ledger ADD COLUMN tenant VARCHAR;    -- likewise; a payout's receipt has its payout's tenant
