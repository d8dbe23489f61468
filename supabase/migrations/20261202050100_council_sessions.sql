-- The sessions of each region's Consejo Regional MOP (issue 10 §4): when, what kind, where, and the
-- notes and agreements reached (Markdown, sanitised when shown). The region's Technical
-- Secretariat keeps them, administrators everywhere; the region's regional roles (GORE and
-- secretariat) read them. "What changed" (/cambios) takes two recorded sessions as its period.
-- Sessions are not on the public list of 2026-11-30 (the notes are the secretariat's minutes), so
-- neither anon nor national planners read them.
create type public.council_session_kind as enum ('ordinary', 'extraordinary');

create table public.council_sessions (
  id bigint generated always as identity primary key,
  region_code text not null references public.regions (code),
  held_on date not null,
  kind public.council_session_kind not null,
  place text not null,
  notes text,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint council_sessions_one_per_day_and_kind unique (region_code, held_on, kind),
  constraint council_sessions_place_length check (length(trim(place)) between 1 and 200),
  constraint council_sessions_notes_length check (notes is null or length(notes) <= 20000),
  -- A council that met before the product existed can be recorded; a date far off is a typo.
  constraint council_sessions_held_on_plausible check (held_on between date '2000-01-01' and date '2100-12-31')
);

create index council_sessions_region_held_on_idx on public.council_sessions (region_code, held_on desc);
create index council_sessions_created_by_idx on public.council_sessions (created_by);

create trigger council_sessions_touch_updated_at before update on public.council_sessions
  for each row execute function private.touch_updated_at();
create trigger council_sessions_stamp_created_at before insert on public.council_sessions
  for each row execute function private.stamp_created_at();
create trigger council_sessions_keep_created_at before update of created_at on public.council_sessions
  for each row execute function private.keep_created_at();

-- The record of a council is evidence of its work: every change is in the audit trail.
create trigger council_sessions_audit_inserts after insert on public.council_sessions
  referencing new table as new_rows for each statement execute function private.audit_statement();
create trigger council_sessions_audit_updates after update on public.council_sessions
  referencing old table as old_rows new table as new_rows for each statement execute function private.audit_statement();
create trigger council_sessions_audit_deletes after delete on public.council_sessions
  referencing old table as old_rows for each statement execute function private.audit_statement();
create trigger council_sessions_audit_truncates after truncate on public.council_sessions
  for each statement execute function private.audit_statement();

alter table public.council_sessions enable row level security;

create policy "the region's regional roles read its council sessions, admins all" on public.council_sessions
  for select to authenticated
  using (
    region_code = (select private.my_regional_region())
    or (select private.is_admin())
  );
create policy "the region's secretariat records its council sessions, admins any" on public.council_sessions
  for insert to authenticated
  with check (
    region_code = (select private.my_secretariat_region())
    or (select private.is_admin())
  );
create policy "the region's secretariat edits its council sessions, admins any" on public.council_sessions
  for update to authenticated
  using (
    region_code = (select private.my_secretariat_region())
    or (select private.is_admin())
  )
  with check (
    region_code = (select private.my_secretariat_region())
    or (select private.is_admin())
  );
create policy "the region's secretariat deletes its council sessions, admins any" on public.council_sessions
  for delete to authenticated
  using (
    region_code = (select private.my_secretariat_region())
    or (select private.is_admin())
  );

revoke all on public.council_sessions from anon, authenticated;
-- Authorship and timestamps are the database's; a session never moves to another region.
grant select, delete on public.council_sessions to authenticated;
grant insert (region_code, held_on, kind, place, notes) on public.council_sessions to authenticated;
grant update (held_on, kind, place, notes) on public.council_sessions to authenticated;
grant all on public.council_sessions to service_role;
