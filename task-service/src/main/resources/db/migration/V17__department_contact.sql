-- A unit's contact (联系人, 联系电话, 电子邮箱, 办公地址): whom the office calls about the unit's tasks. Personal data:
-- it stays in this table only (department.upserted.v1 does not carry it) and DepartmentResource shows it to the
-- office, leaders, auditors and the unit's own staff. All null until the office enters it; the seed has none.
-- The lengths are those DepartmentResource checks, so that an answer 400 and not a database error names the field.
alter table department
    add column contact_name    varchar(30),
    add column contact_phone   varchar(40),
    add column contact_email   varchar(254),
    add column contact_address varchar(200);
