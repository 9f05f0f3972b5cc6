-- Hashfleet store, version 10: power targets in the energy audit trail.
--
-- The energy controller now also turns machines down with a power target (Braiins OS) instead of
-- only sleeping them. command takes the new value 'power_target' (the column is plain VARCHAR, so
-- nothing to change there); planned_watts on those rows is the draw the target removes against the
-- machine's nominal draw (0 for a return to full power). The target itself is kept here so a
-- restarted controller knows, from the trail alone, what each machine was set to.

ALTER TABLE energy_actions ADD COLUMN target_watts BIGINT;  -- power_target rows: the target sent; NULL otherwise
