-- Deleting refused postbacks past their retention read the whole postbacks table every ten minutes,
-- inside a write transaction that postbacks wait behind. Only refused rows are in this index, so it
-- costs nothing to the postbacks that are processed.
CREATE INDEX postbacks_rejected ON postbacks (received_at) WHERE status = 'rejected';
