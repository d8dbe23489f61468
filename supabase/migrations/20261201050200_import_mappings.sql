-- Saved column mappings of the project import (issue 11): which header of a file feeds which
-- project field, named by its author so the next file from the same source maps in one click.
-- Only the roles that can import keep mappings; a secretariat may share one with its region (its
-- region's other secretariat users read it), an administrator sees and manages them all.
create table public.import_mappings (
  id bigint generated always as identity primary key,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  region_code text references public.regions (code),
  name text not null,
  -- {"field": "header", …}: the app reads only the fields it knows.
  mapping jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint import_mappings_user_name_key unique (user_id, name),
  constraint import_mappings_name_length check (length(trim(name)) between 1 and 100),
  constraint import_mappings_mapping_object check (jsonb_typeof(mapping) = 'object' and pg_column_size(mapping) <= 16384)
);

create index import_mappings_region_code_idx on public.import_mappings (region_code);

create trigger import_mappings_touch_updated_at before update on public.import_mappings
  for each row execute function private.touch_updated_at();
create trigger import_mappings_stamp_created_at before insert on public.import_mappings
  for each row execute function private.stamp_created_at();
create trigger import_mappings_keep_created_at before update of created_at on public.import_mappings
  for each row execute function private.keep_created_at();

alter table public.import_mappings enable row level security;

create policy "importers read their own, their region's shared, admins all mappings" on public.import_mappings
  for select to authenticated
  using (
    user_id = (select auth.uid())
    or (region_code is not null and region_code = (select private.my_secretariat_region()))
    or (select private.is_admin())
  );
create policy "importers save mappings, shared only with their own region" on public.import_mappings
  for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and ((select private.is_admin())
         or ((select private.my_secretariat_region()) is not null
             and (region_code is null or region_code = (select private.my_secretariat_region()))))
  );
create policy "importers change their own mappings, admins any" on public.import_mappings
  for update to authenticated
  using (
    (user_id = (select auth.uid()) and (select private.my_secretariat_region()) is not null)
    or (select private.is_admin())
  )
  with check (
    (select private.is_admin())
    or (user_id = (select auth.uid())
        and (region_code is null or region_code = (select private.my_secretariat_region())))
  );
create policy "importers delete their own mappings, admins any" on public.import_mappings
  for delete to authenticated
  using (
    (user_id = (select auth.uid()) and (select private.my_secretariat_region()) is not null)
    or (select private.is_admin())
  );

revoke all on public.import_mappings from anon, authenticated;
-- Authorship and timestamps are the database's: only these columns are the caller's to set.
grant select, delete on public.import_mappings to authenticated;
grant insert (region_code, name, mapping), update (region_code, name, mapping) on public.import_mappings to authenticated;
grant all on public.import_mappings to service_role;
