-- Who may do what: one role per user, and the region it applies to for regional roles.
-- `npm run user:add` writes here (through the service role); RLS policies read it.

create type public.app_role as enum ('admin', 'secretariat', 'gore', 'planner');

create table public.memberships (
  user_id uuid primary key references auth.users (id) on delete cascade,
  role public.app_role not null,
  region_code text references public.regions (code),
  created_at timestamptz not null default now(),
  -- Secretariats and regional governments act within one region; admins and planners are national.
  constraint memberships_region_matches_role check (
    (role in ('secretariat', 'gore')) = (region_code is not null)
  )
);

create index memberships_region_code_idx on public.memberships (region_code);

alter table public.memberships enable row level security;

-- Security definer so policies on other tables can ask without recursing through memberships' RLS.
create function public.current_membership()
returns public.memberships
language sql
stable
security definer
set search_path = ''
as $$
  select m.* from public.memberships m where m.user_id = (select auth.uid());
$$;

revoke execute on function public.current_membership() from public, anon;
grant execute on function public.current_membership() to authenticated, service_role;

create policy "users read their own membership" on public.memberships
  for select to authenticated
  using (user_id = (select auth.uid()));

create policy "admins read every membership" on public.memberships
  for select to authenticated
  using ((select (public.current_membership()).role) = 'admin');

-- Memberships are granted by administrators through the service role (npm run user:add), never by
-- users themselves through the API.
revoke all on public.memberships from anon, authenticated;
grant select on public.memberships to authenticated;
grant all on public.memberships to service_role;
