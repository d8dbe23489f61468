-- A membership may name the institution the user acts for. Regional governments need it: they
-- acknowledge the deliveries addressed to their institution. And administrators, who may do
-- everything, manage memberships through the API too (the service role still can, for
-- `npm run user:add`).

alter table public.memberships
  add column institution_id bigint references public.institutions (id) on delete set null;

create index memberships_institution_id_idx on public.memberships (institution_id);

-- A regional-government user who is given no institution acts for the Gobierno Regional of its
-- region (there is exactly one per region), so `user:add` needs no institution id for them.
create function private.default_membership_institution()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.role = 'gore' and new.institution_id is null then
    select i.id into new.institution_id
    from public.institutions i
    where i.kind = 'regional_government' and i.region_code = new.region_code;
  end if;
  return new;
end;
$$;

create trigger memberships_default_institution
  before insert or update of role, region_code, institution_id on public.memberships
  for each row execute function private.default_membership_institution();

create function private.my_institution()
returns bigint
language sql
stable
security definer
set search_path = ''
as $$
  select m.institution_id from public.memberships m where m.user_id = (select auth.uid());
$$;

revoke execute on function private.my_institution() from public;
grant execute on function private.my_institution() to anon, authenticated, service_role;

create policy "admins manage memberships" on public.memberships
  for all to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

grant insert, update, delete on public.memberships to authenticated;
