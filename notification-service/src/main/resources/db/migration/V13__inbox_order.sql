-- The inbox lists the newest stored notice first (by id), not by created_at: created_at is the service clock's time,
-- which a test stack moves ahead and back, so notices dated ahead would stay on top of every later one.
create index notice_recipient_newest on notice (recipient_type, recipient_id, id desc);
drop index notice_recipient;
