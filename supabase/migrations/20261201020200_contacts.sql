-- The e-mail addresses of recipient institutions: where a delivery of a flow whose channel is
-- e-mail is sent (issue 9 §2). Personal data of public servants, so not public: administrators
-- manage every institution's contacts, a region's secretariat those of the institutions of its
-- region (the ones its flows address), and a regional-government or municipality user reads its
-- own institution's (to see who receives the mail). Planners and anyone else read none.

create table public.contacts (
  id bigint generated always as identity primary key,
  institution_id bigint not null references public.institutions (id) on delete cascade,
  name text not null,
  email text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint contacts_name_not_blank check (length(trim(name)) > 0),
  -- One @, something on both sides, a dot in the domain, no spaces: enough to refuse typos; the
  -- mail server has the last word.
  constraint contacts_email_valid check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254),
  -- Addresses are kept in lower case (below), so this is unique whatever case a client sends.
  constraint contacts_one_address_per_institution unique (institution_id, email)
);

create function private.normalise_contact_email()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.email := lower(trim(new.email));
  return new;
end;
$$;

create trigger contacts_normalise_email before insert or update of email on public.contacts
  for each row execute function private.normalise_contact_email();

create trigger contacts_touch_updated_at before update on public.contacts
  for each row execute function private.touch_updated_at();
create trigger contacts_stamp_created_at before insert on public.contacts
  for each row execute function private.stamp_created_at();
create trigger contacts_keep_created_at before update of created_at on public.contacts
  for each row execute function private.keep_created_at();

-- The region an institution belongs to (null for national bodies). Security definer so that
-- contacts' policies do not stack institutions' policies (which are public anyway).
create function private.institution_region(institution_id bigint)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select i.region_code from public.institutions i where i.id = institution_region.institution_id;
$$;

revoke execute on function private.institution_region(bigint) from public;
grant execute on function private.institution_region(bigint) to authenticated, service_role;

alter table public.contacts enable row level security;

create policy "admins and the region's secretariat read contacts, members their institution's" on public.contacts
  for select to authenticated
  using (
    (select private.is_admin())
    or private.institution_region(institution_id) = (select private.my_secretariat_region())
    or ((select private.my_role()) = 'gore' and institution_id = (select private.my_institution()))
  );
create policy "admins and the region's secretariat add contacts" on public.contacts
  for insert to authenticated
  with check (
    (select private.is_admin())
    or private.institution_region(institution_id) = (select private.my_secretariat_region())
  );
create policy "admins and the region's secretariat change contacts" on public.contacts
  for update to authenticated
  using (
    (select private.is_admin())
    or private.institution_region(institution_id) = (select private.my_secretariat_region())
  )
  with check (
    (select private.is_admin())
    or private.institution_region(institution_id) = (select private.my_secretariat_region())
  );
create policy "admins and the region's secretariat remove contacts" on public.contacts
  for delete to authenticated
  using (
    (select private.is_admin())
    or private.institution_region(institution_id) = (select private.my_secretariat_region())
  );

revoke all on public.contacts from anon, authenticated;
grant select, insert, update, delete on public.contacts to authenticated;
grant all on public.contacts to service_role;
