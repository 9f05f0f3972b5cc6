-- Hashfleet store, version 8: console sessions that outlive a restart.
--
-- Restarting `hashfleet up` (an upgrade, a new price file) logged everyone out of the console.
-- Sessions are kept here as API tokens are (V6): the cookie's value only as its SHA-256, so reading
-- the store does not hand out logins. The CSRF token is kept as is: without the cookie it is worth
-- nothing, and the page needs it back after a reload.

CREATE TABLE console_sessions (
  id_sha256   VARCHAR PRIMARY KEY,   -- hex SHA-256 of the session cookie's value
  username    VARCHAR NOT NULL,      -- users.username; its role and tenant are read again at each restart
  csrf        VARCHAR NOT NULL,
  created_at  TIMESTAMP NOT NULL,
  last_seen   TIMESTAMP NOT NULL     -- written at most once a minute per session
);
