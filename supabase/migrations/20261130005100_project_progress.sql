-- Physical progress (avance físico, %) and executed spending (gasto ejecutado, CLP) of projects,
-- as MOP, the BIP and MapaInversiones report them: a dated history per project, its latest
-- report kept beside it for the dashboards, the planned S-curve, and "delayed" derived from both.
--
-- Planned progress follows the project's dates: with t the elapsed fraction of [start_on, end_on],
-- planned = 100 · (3t² − 2t³) — slow start, fastest at mid-term, slow finish, the usual S-curve
-- of a works contract. A project is delayed when it is in progress or halted, has both dates, and
-- its latest physical progress (0 when never reported) is more than 10 percentage points behind
-- the planned value for today in Chile. Nothing about "delayed" is stored: it moves with the
-- calendar.

create table public.project_progress (
  id bigint generated always as identity primary key,
  project_id bigint not null references public.projects (id) on delete cascade,
  reported_on date not null,
  physical_progress numeric(5, 2) not null,
  spent_clp bigint not null,
  note text,
  reported_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint project_progress_one_report_per_day unique (project_id, reported_on),
  constraint project_progress_physical_between_0_and_100 check (physical_progress between 0 and 100),
  constraint project_progress_spent_not_negative check (spent_clp >= 0)
);

comment on table public.project_progress is
  'Historial de avance físico (%) y gasto ejecutado (CLP) de cada proyecto, por fecha de reporte.';

-- The latest report per project, maintained by the triggers below so that dashboards read one
-- row per project instead of searching the history. Not written by anyone else.
create table public.project_progress_latest (
  project_id bigint primary key references public.projects (id) on delete cascade,
  reported_on date not null,
  physical_progress numeric(5, 2) not null,
  spent_clp bigint not null
);

comment on table public.project_progress_latest is
  'Último reporte de avance de cada proyecto (derivado de project_progress).';

create function private.refresh_project_progress_latest()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.stage_progress_projects();
  if tg_op in ('INSERT', 'UPDATE') then
    insert into pg_temp.progress_projects select distinct n.project_id from new_reports n on conflict do nothing;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    insert into pg_temp.progress_projects select distinct o.project_id from old_reports o on conflict do nothing;
  end if;

  delete from public.project_progress_latest l using pg_temp.progress_projects s where l.project_id = s.id;
  insert into public.project_progress_latest (project_id, reported_on, physical_progress, spent_clp)
  select distinct on (r.project_id) r.project_id, r.reported_on, r.physical_progress, r.spent_clp
  from public.project_progress r
  join pg_temp.progress_projects s on s.id = r.project_id
  order by r.project_id, r.reported_on desc;
  return null;
end;
$$;

create function private.stage_progress_projects()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if to_regclass('pg_temp.progress_projects') is null then
    create temporary table progress_projects (id bigint primary key) on commit drop;
  else
    delete from pg_temp.progress_projects;
  end if;
end;
$$;

create index project_progress_project_id_reported_on_idx on public.project_progress (project_id, reported_on desc);

create trigger project_progress_latest_inserted after insert on public.project_progress
  referencing new table as new_reports
  for each statement execute function private.refresh_project_progress_latest();
create trigger project_progress_latest_updated after update on public.project_progress
  referencing old table as old_reports new table as new_reports
  for each statement execute function private.refresh_project_progress_latest();
create trigger project_progress_latest_deleted after delete on public.project_progress
  referencing old table as old_reports
  for each statement execute function private.refresh_project_progress_latest();

-- Chile's calendar, like commitments' "overdue".
create function private.today_in_chile()
returns date
language sql
stable
set search_path = ''
as $$ select (now() at time zone 'America/Santiago')::date $$;

-- The planned S-curve (header). Immutable, without SET and a bare expression, so the planner
-- inlines it where dashboards evaluate it for every project. Null without both dates.
create function public.planned_progress(start_on date, end_on date, on_date date)
returns numeric
language sql
immutable
parallel safe
as $$
  select case
    when start_on is null or end_on is null or on_date is null then null
    when on_date <= start_on then 0::numeric
    when on_date >= end_on then 100::numeric
    else round((100 * power((on_date - start_on)::double precision / greatest(end_on - start_on, 1), 2)
      * (3 - 2 * (on_date - start_on)::double precision / greatest(end_on - start_on, 1)))::numeric, 2)
  end
$$;

comment on function public.planned_progress(date, date, date) is
  'Avance físico planificado (0–100) en una fecha: curva S 100·(3t²−2t³) sobre [inicio, término].';

-- How far behind the planned curve counts as delayed, in percentage points.
create function public.delay_threshold_points()
returns numeric
language sql
immutable
parallel safe
set search_path = ''
as $$ select 10::numeric $$;

-- Inlinable (no SET) for the same reason as planned_progress; every name is schema-qualified.
-- (Supabase's linter flags functions without a fixed search_path; these few are the deliberate
-- exception, see docs/ARCHITECTURE.md. delay_threshold_points keeps its SET: a constant is folded
-- at planning time anyway.)
create function public.is_delayed(
  status public.project_status, start_on date, end_on date, physical_progress numeric, on_date date
)
returns boolean
language sql
immutable
parallel safe
as $$
  select coalesce(
    status in ('in_progress', 'halted')
    and coalesce(physical_progress, 0)
      < public.planned_progress(start_on, end_on, on_date) - public.delay_threshold_points(),
    false);
$$;

comment on function public.is_delayed(public.project_status, date, date, numeric, date) is
  'Atrasado: en curso o paralizado y con avance físico más de 10 puntos bajo la curva planificada.';

alter table public.project_progress enable row level security;
alter table public.project_progress_latest enable row level security;

-- Reading follows the project (the subquery runs under projects' RLS, whoever asks).
create policy "progress follows its project" on public.project_progress
  for select to anon, authenticated
  using (project_id in (select p.id from public.projects p));
create policy "latest progress follows its project" on public.project_progress_latest
  for select to anon, authenticated
  using (project_id in (select p.id from public.projects p));

-- One policy per action (not `for all`, which would add a second SELECT policy to evaluate).
create policy "admins and the region's secretariat report progress" on public.project_progress
  for insert to authenticated
  with check (
    (select private.is_admin())
    or project_id in (select pc.project_id from public.project_communes pc
                   where pc.region_code = (select private.my_secretariat_region()))
  );
create policy "admins and the region's secretariat correct progress" on public.project_progress
  for update to authenticated
  using (
    (select private.is_admin())
    or project_id in (select pc.project_id from public.project_communes pc
                   where pc.region_code = (select private.my_secretariat_region()))
  )
  with check (
    (select private.is_admin())
    or project_id in (select pc.project_id from public.project_communes pc
                   where pc.region_code = (select private.my_secretariat_region()))
  );
create policy "admins and the region's secretariat delete progress" on public.project_progress
  for delete to authenticated
  using (
    (select private.is_admin())
    or project_id in (select pc.project_id from public.project_communes pc
                   where pc.region_code = (select private.my_secretariat_region()))
  );

revoke all on public.project_progress, public.project_progress_latest from anon, authenticated;
grant select on public.project_progress, public.project_progress_latest to anon, authenticated;
-- Authorship and the time of the report are the database's (their defaults): clients cannot
-- write those columns.
grant insert (project_id, reported_on, physical_progress, spent_clp, note),
  update (reported_on, physical_progress, spent_clp, note),
  delete
  on public.project_progress to authenticated;
grant all on public.project_progress to service_role;
-- Derived by trigger only: the service role reads it like everyone else.
revoke all on public.project_progress_latest from service_role;
grant select on public.project_progress_latest to service_role;

revoke execute on function
  private.refresh_project_progress_latest(),
  private.stage_progress_projects()
from public;
grant execute on function private.today_in_chile() to anon, authenticated, service_role;
grant execute on function
  public.planned_progress(date, date, date),
  public.delay_threshold_points(),
  public.is_delayed(public.project_status, date, date, numeric, date)
to anon, authenticated, service_role;
