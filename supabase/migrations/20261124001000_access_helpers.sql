-- Who is asking: the caller's role, region and institution, read from `memberships`.
-- Policies call these as `(select private.my_role())` so Postgres evaluates them once per
-- statement (an initplan) instead of once per row.
--
-- They live in `private`, a schema PostgREST does not expose (PGRST_DB_SCHEMAS=public), and are
-- security definer so that a policy on any table can consult memberships without going through
-- memberships' own RLS (which would recurse for the policies that read memberships itself).

create schema if not exists private;
grant usage on schema private to anon, authenticated, service_role;

create function private.my_role()
returns public.app_role
language sql
stable
security definer
set search_path = ''
as $$
  select m.role from public.memberships m where m.user_id = (select auth.uid());
$$;

-- Null for national roles (admin, planner) and for callers without a membership.
create function private.my_region()
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select m.region_code from public.memberships m where m.user_id = (select auth.uid());
$$;

revoke execute on function private.my_role(), private.my_region() from public;
grant execute on function private.my_role(), private.my_region() to anon, authenticated, service_role;
