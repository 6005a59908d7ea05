-- Why the last attempt failed, as the office acts on it (channel/DeliveryFailure): the reason and the receiver's HTTP
-- status or SMTP reply code. last_error keeps the technical text for whoever repairs the receiver.
alter table delivery add column last_error_reason text, add column last_error_status integer;
