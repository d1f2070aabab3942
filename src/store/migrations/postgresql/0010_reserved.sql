-- masa schema, version 10: kept for the agendas work merged beside the
-- papers (its migration takes this number; this placeholder then goes).
SELECT 1;
