-- Every fan's speed, not only the slowest and fastest: a technician looks for the one fan that
-- stopped. Comma-separated rpm in the firmware's fan order ("5400,5460,0,5430"), a portable type.
ALTER TABLE samples ADD COLUMN fans_rpm VARCHAR;
ALTER TABLE latest ADD COLUMN fans_rpm VARCHAR;
