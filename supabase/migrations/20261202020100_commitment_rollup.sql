-- The commitments part of the dashboard pre-aggregated, as 20261201070100 did for projects: the
-- national summary spent ~335 ms at 100k projects (13 700 commitments joined with their comunas
-- and agreements on each call, docs/BENCHMARKS.md) on a part whose answer changes only when a
-- commitment does — or when the calendar turns a day, which is what kept it out of the roll-up.
--
-- "Overdue" (open and due before today in Chile) is computed at read time from the due month:
-- every open commitment due in a month before the current one is overdue, none due after it is;
-- only the commitments due in the current month are read one by one (a few hundred at 100k, by
-- the due-date index). So the roll-up is keyed by due month and never needs a nightly job.
--
-- Two tables, kept current set-based by statement-level triggers with transition tables:
-- - `private.commitment_pieces`: one row per commitment and comuna it is linked to (one row with
--   comuna '' for a commitment linked to none, placed in its agreement's region), with what the
--   dashboard filters by. A changed commitment's previous contribution is read here.
-- - `private.commitment_rollup`: per territory level and code, theme, status and due month, the
--   commitments there. A commitment counts once per territory it touches at each level; the
--   level `unplaced` holds, per region, the commitments linked to no comuna, which the per-row
--   path (private.filtered_commitments) counts in every view inside their agreement's region.
--
-- It answers every filter with at most one territory key (territory, themes, years and
-- commitment status are the only keys that filter commitments); several comunas, or a region
-- with a province, take the per-row path, which stays the reference (pgTAP
-- 23_commitment_rollup compares both by value). Deliveries stay per row: which publications a
-- reader sees depends on the reader's role (drafts), so they cannot be counted once for all.
--
-- Security definer is safe because agreements, commitments and their comunas are public to every
-- role (20261130001300); the pgTAP test fails if those policies stop being `true`.

create table private.commitment_pieces (
  commitment_id bigint not null,
  -- '' when linked to no comuna (then region_code is its agreement's, itself possibly null).
  commune_code text not null,
  province_code text,
  region_code text,
  theme_code text not null,
  status public.commitment_status not null,
  due_on date not null,
  primary key (commitment_id, commune_code)
);

-- The current month's commitments, read one by one.
create index commitment_pieces_due_on_idx on private.commitment_pieces (due_on);

create table private.commitment_rollup (
  level text not null check (level in ('country', 'region', 'province', 'commune', 'unplaced')),
  code text not null,
  theme_code text not null,
  status public.commitment_status not null,
  due_month date not null,
  commitments bigint not null,
  primary key (level, code, theme_code, status, due_month)
);

create index commitment_rollup_emptied_idx on private.commitment_rollup (level) where commitments = 0;

comment on table private.commitment_pieces is
  'Piezas compromiso × comuna con lo que filtra el tablero (derivado; lo mantienen triggers).';
comment on table private.commitment_rollup is
  'Compromisos por nivel territorial, tema, estado y mes de vencimiento (derivado de commitment_pieces).';

-- The pieces of the given commitments as the tables hold them now.
create function private.current_commitment_pieces(ids bigint[])
returns setof private.commitment_pieces
language sql
stable
set search_path = ''
as $$
  select c.id, coalesce(cc.commune_code, ''), co.province_code, coalesce(co.region_code, a.region_code), c.theme_code,
    c.status, c.due_on
  from public.commitments c
  join public.agreements a on a.id = c.agreement_id
  left join public.commitment_communes cc on cc.commitment_id = c.id
  left join public.communes co on co.code = cc.commune_code
  where c.id = any (ids);
$$;

-- Re-reads the pieces of the given commitments and moves the roll-up by the difference.
create function private.refresh_commitment_pieces(ids bigint[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if cardinality(ids) = 0 then
    return;
  end if;
  if to_regclass('pg_temp.commitment_delta') is null then
    create temporary table commitment_delta (like private.commitment_rollup) on commit drop;
    create temporary table commitment_old_pieces (like private.commitment_pieces) on commit drop;
  else
    delete from pg_temp.commitment_delta;
    delete from pg_temp.commitment_old_pieces;
  end if;

  with removed as (
    delete from private.commitment_pieces x where x.commitment_id = any (ids) returning x.*
  )
  insert into pg_temp.commitment_old_pieces select * from removed;
  insert into private.commitment_pieces select * from private.current_commitment_pieces(ids);

  insert into pg_temp.commitment_delta
  select t.level, t.code, t.theme_code, t.status, t.due_month, sum(t.sign)
  from (
    -- One row per commitment and territory (a commitment with two comunas in a province counts
    -- once there), then the groups.
    select distinct s.sign, s.commitment_id, l.level, l.code, s.theme_code, s.status,
      date_trunc('month', s.due_on)::date as due_month
    from (
      select -1 as sign, o.* from pg_temp.commitment_old_pieces o
      union all
      select 1, n.* from private.commitment_pieces n where n.commitment_id = any (ids)
    ) s
    cross join lateral (values ('country', ''), ('region', s.region_code), ('province', s.province_code),
      ('commune', s.commune_code), ('unplaced', case when s.commune_code = '' then s.region_code end)) l (level, code)
    where l.code is not null
      and (l.level in ('country', 'unplaced') or s.commune_code <> '')
  ) t
  group by t.level, t.code, t.theme_code, t.status, t.due_month;

  insert into private.commitment_rollup as r
  select d.* from pg_temp.commitment_delta d where d.commitments <> 0
  on conflict (level, code, theme_code, status, due_month) do update set
    commitments = r.commitments + excluded.commitments;
  -- The emptied rows, through their partial index (a join with the unanalysed delta took seconds).
  delete from private.commitment_rollup r where r.commitments = 0;
end;
$$;

create function private.rebuild_commitment_rollup()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  truncate private.commitment_pieces, private.commitment_rollup;
  perform private.refresh_commitment_pieces(array(select c.id from public.commitments c));
end;
$$;

-- Trigger bodies: which commitments a statement touched, from its transition tables.
create function private.commitment_rollup_commitments_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.refresh_commitment_pieces(array(select n.id from new_rows n));
  elsif tg_op = 'UPDATE' then
    -- Only the columns the roll-up reads (progress reports rewrite the others).
    perform private.refresh_commitment_pieces(array(
      select n.id from new_rows n join old_rows o on o.id = n.id
      where (n.agreement_id, n.theme_code, n.status, n.due_on) is distinct from (o.agreement_id, o.theme_code, o.status, o.due_on)));
  else
    perform private.refresh_commitment_pieces(array(select o.id from old_rows o));
  end if;
  return null;
end;
$$;

create function private.commitment_rollup_communes_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.refresh_commitment_pieces(array(select distinct n.commitment_id from new_rows n));
  elsif tg_op = 'UPDATE' then
    perform private.refresh_commitment_pieces(array(
      select n.commitment_id from new_rows n union select o.commitment_id from old_rows o));
  else
    perform private.refresh_commitment_pieces(array(select distinct o.commitment_id from old_rows o));
  end if;
  return null;
end;
$$;

-- An agreement's region places its commitments linked to no comuna (a deleted agreement takes
-- its commitments with it, and their own trigger counts them out).
create function private.commitment_rollup_agreements_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.refresh_commitment_pieces(array(
    select c.id from public.commitments c
    where c.agreement_id in (
      select n.id from new_rows n join old_rows o on o.id = n.id
      where n.region_code is distinct from o.region_code)));
  return null;
end;
$$;

create function private.commitment_rollup_truncated()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.rebuild_commitment_rollup();
  return null;
end;
$$;

create trigger commitments_rollup_inserted after insert on public.commitments
  referencing new table as new_rows for each statement execute function private.commitment_rollup_commitments_changed();
create trigger commitments_rollup_updated after update on public.commitments
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.commitment_rollup_commitments_changed();
create trigger commitments_rollup_deleted after delete on public.commitments
  referencing old table as old_rows for each statement execute function private.commitment_rollup_commitments_changed();
create trigger commitment_communes_rollup_inserted after insert on public.commitment_communes
  referencing new table as new_rows for each statement execute function private.commitment_rollup_communes_changed();
create trigger commitment_communes_rollup_updated after update on public.commitment_communes
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.commitment_rollup_communes_changed();
create trigger commitment_communes_rollup_deleted after delete on public.commitment_communes
  referencing old table as old_rows for each statement execute function private.commitment_rollup_communes_changed();
create trigger agreements_rollup_updated after update on public.agreements
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.commitment_rollup_agreements_changed();
create trigger commitments_rollup_truncated after truncate on public.commitments
  for each statement execute function private.commitment_rollup_truncated();
create trigger commitment_communes_rollup_truncated after truncate on public.commitment_communes
  for each statement execute function private.commitment_rollup_truncated();

select private.rebuild_commitment_rollup();

-- ── Reading ──────────────────────────────────────────────────────────────────────────────────

-- True when the commitment roll-up answers the filter: at most one territory key naming one
-- territory (every other key either is in its key or does not filter commitments).
create function private.commitment_rollup_covers(p_filter jsonb)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select (select count(*) from (values (p_filter ->> 'region'), (p_filter ->> 'province')) t (v) where v is not null)
    + coalesce(jsonb_array_length(case when jsonb_typeof(p_filter -> 'communes') = 'array' then p_filter -> 'communes' end), 0)
    <= 1;
$$;

-- Open and overdue commitments and their months, by status, for the view of a covered filter:
-- the roll-up for every month but the current one, the pieces due this month for it.
-- `by_commune`: per comuna of the view (the choropleth; month null) instead of per month.
create function private.rollup_commitment_counts(p_filter jsonb, by_commune boolean)
returns table (code text, due_month date, status public.commitment_status, commitments bigint, overdue bigint)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  themes text[] := private.jsonb_texts(p_filter -> 'themes');
  wanted text := p_filter ->> 'commitment_status';
  first_day date := make_date((p_filter ->> 'year_from')::int, 1, 1);
  last_day date := make_date((p_filter ->> 'year_to')::int, 12, 31);
  today date := (now() at time zone 'America/Santiago')::date;
  this_month date := date_trunc('month', (now() at time zone 'America/Santiago')::date)::date;
  view_level text;
  view_code text;
  -- The region whose commitments linked to no comuna belong to the view (none for the country,
  -- none for a territory that does not exist, as in the per-row path).
  unplaced text;
  scope text[];
begin
  select v.level, v.code into view_level, view_code from private.rollup_view(p_filter) v;
  -- No scope for the country: every comuna is in it, and matching 346 codes per row costs more
  -- than the rest of the call.
  if view_level <> 'country' then
    scope := array(select private.filter_communes(p_filter));
    unplaced := (select min(left(s, 2)) from unnest(scope) s);
  end if;

  return query
  select t.code, t.due_month, t.status, sum(t.commitments)::bigint, sum(t.overdue)::bigint
  from (
    -- Per comuna only the totals are needed, not the months.
    select case when by_commune then r.code end as code, case when not by_commune then r.due_month end as due_month,
      r.status, r.commitments,
      case when r.status in ('pending', 'in_progress') and r.due_month < this_month then r.commitments else 0 end as overdue
    from private.commitment_rollup r
    where (case when by_commune then r.level = 'commune' and (scope is null or r.code = any (scope))
             else (r.level = view_level and r.code = view_code) or (r.level = 'unplaced' and r.code = unplaced) end)
      and r.due_month <> this_month
      and (cardinality(themes) = 0 or r.theme_code = any (themes))
      and (first_day is null or r.due_month >= first_day)
      and (last_day is null or r.due_month <= last_day)
      and (wanted is null
           or (wanted = 'overdue' and r.status in ('pending', 'in_progress') and r.due_month < this_month)
           or r.status::text = wanted)
    union all
    select m.code, case when not by_commune then this_month end, m.status, count(*), count(*) filter (where m.overdue)
    from (
      select distinct case when by_commune then x.commune_code end as code, x.commitment_id, x.status,
        x.status in ('pending', 'in_progress') and x.due_on < today as overdue
      from private.commitment_pieces x
      where x.due_on >= this_month and x.due_on < (this_month + interval '1 month')::date
        and (case when by_commune then x.commune_code <> '' and (scope is null or x.commune_code = any (scope))
               when view_level = 'country' then true
               else x.commune_code = any (scope) or (x.commune_code = '' and x.region_code = unplaced) end)
        and (cardinality(themes) = 0 or x.theme_code = any (themes))
        and (first_day is null or x.due_on >= first_day)
        and (last_day is null or x.due_on <= last_day)
    ) m
    where wanted is null or (wanted = 'overdue' and m.overdue) or m.status::text = wanted
    group by m.code, m.status
  ) t
  group by t.code, t.due_month, t.status;
end;
$$;

-- The commitments part of the summary (KPIs and months), from the roll-up or from the rows; the
-- same JSON either way.
create function private.summary_commitments(p_filter jsonb, p_rollup boolean)
returns json
language plpgsql
stable
set search_path = ''
set jit = off
as $$
declare
  part json;
begin
  if p_rollup then
    with counts as materialized (
      select * from private.rollup_commitment_counts(coalesce(p_filter, '{}'), false)
    )
    select json_build_object(
      'commitments_open', (select coalesce(sum(x.commitments) filter (where x.status in ('pending', 'in_progress')), 0)::bigint
        from counts x),
      'commitments_overdue', (select coalesce(sum(x.overdue), 0)::bigint from counts x),
      'commitments_by_month', (select coalesce(json_agg(json_build_object('month', to_char(m.due_month, 'YYYY-MM'),
            'pending', m.pending, 'in_progress', m.in_progress, 'fulfilled', m.fulfilled,
            'cancelled', m.cancelled, 'overdue', m.overdue) order by m.due_month), '[]')
        from (select x.due_month,
                coalesce(sum(x.commitments) filter (where x.status = 'pending'), 0)::bigint as pending,
                coalesce(sum(x.commitments) filter (where x.status = 'in_progress'), 0)::bigint as in_progress,
                coalesce(sum(x.commitments) filter (where x.status = 'fulfilled'), 0)::bigint as fulfilled,
                coalesce(sum(x.commitments) filter (where x.status = 'cancelled'), 0)::bigint as cancelled,
                sum(x.overdue)::bigint as overdue
              from counts x group by x.due_month having sum(x.commitments) > 0) m))
    into part;
    return part;
  end if;
  execute $sql$
      with commitments as materialized (
        select distinct on (c.commitment_id) c.commitment_id, c.status, c.due_on, c.open, c.overdue
        from private.filtered_commitments($1) c
      )
      select json_build_object(
        'commitments_open', (select count(*) filter (where open) from commitments),
        'commitments_overdue', (select count(*) filter (where overdue) from commitments),
        'commitments_by_month', (select coalesce(json_agg(m order by m.month), '[]') from (
            select to_char(due_on, 'YYYY-MM') as month,
              count(*) filter (where status = 'pending') as pending,
              count(*) filter (where status = 'in_progress') as in_progress,
              count(*) filter (where status = 'fulfilled') as fulfilled,
              count(*) filter (where status = 'cancelled') as cancelled,
              count(*) filter (where overdue) as overdue
            from commitments group by 1) m)
      )
  $sql$ into part using coalesce(p_filter, '{}'::jsonb);
  return part;
end;
$$;

-- The deliveries part of the summary, per row (see the head of this file).
create function private.summary_deliveries(p_filter jsonb)
returns json
language plpgsql
stable
set search_path = ''
set jit = off
as $$
declare
  part json;
begin
  execute $sql$
      with deliveries as materialized (
        select distinct on (d.publication_id) d.publication_id, d.due_on, d.due, d.on_time, d.late, d.missing
        from private.filtered_deliveries($1) d
      )
      select json_build_object(
        'deliveries', (select count(*) filter (where due) from deliveries),
        'deliveries_on_time', (select count(*) filter (where due and on_time) from deliveries),
        'deliveries_by_month', (select coalesce(json_agg(m order by m.month), '[]') from (
            select to_char(due_on, 'YYYY-MM') as month,
              count(*) filter (where on_time) as on_time,
              count(*) filter (where late) as late,
              count(*) filter (where missing) as missing
            from deliveries where due group by 1) m)
      )
  $sql$ into part using coalesce(p_filter, '{}'::jsonb);
  return part;
end;
$$;

drop function private.summary_commitments_deliveries(jsonb);

-- The whole summary; `p_rollup` takes each part through its roll-up where that roll-up answers
-- the filter, and everything through the rows otherwise (the benchmark and pgTAP compare both).
create or replace function private.dashboard_summary_by(p_filter jsonb, p_rollup boolean)
returns json
language plpgsql
stable
set search_path = ''
as $$
declare
  p json := case when p_rollup and private.rollup_covers(p_filter)
    then private.rollup_summary_projects(coalesce(p_filter, '{}')) else private.summary_projects(p_filter) end;
  c json := private.summary_commitments(p_filter, p_rollup and private.commitment_rollup_covers(p_filter));
  d json := private.summary_deliveries(p_filter);
begin
  return json_build_object(
    'data_version', public.data_version(),
    'kpis', json_build_object(
      'investment_clp', p -> 'investment_clp', 'spent_clp', p -> 'spent_clp',
      'physical_progress', p -> 'physical_progress', 'projects', p -> 'projects',
      'projects_delayed', p -> 'projects_delayed',
      'commitments_open', c -> 'commitments_open', 'commitments_overdue', c -> 'commitments_overdue',
      'deliveries', d -> 'deliveries', 'deliveries_on_time', d -> 'deliveries_on_time'),
    'by_stage', p -> 'by_stage',
    'by_status', p -> 'by_status',
    'by_area', p -> 'by_area',
    'commitments_by_month', c -> 'commitments_by_month',
    'deliveries_by_month', d -> 'deliveries_by_month');
end;
$$;

create or replace function public.dashboard_summary(p_filter jsonb default '{}')
returns json
language sql
stable
set search_path = ''
as $$ select private.dashboard_summary_by(p_filter, true) $$;

create or replace function private.commune_metrics_by(p_filter jsonb, p_rollup boolean)
returns table (commune_code text, projects bigint, investment_clp bigint, commitments_open bigint,
  commitments_overdue bigint, deliveries_late bigint)
language plpgsql
stable
set search_path = ''
set jit = off
as $$
begin
  -- Planned for this filter (EXECUTE … USING), as in 20261130005400; the projects' and the
  -- commitments' sources each come from their roll-up where it answers the filter.
  return query execute format($sql$
      with scope as materialized (select code from private.filter_communes($1) code),
      projects as (%s),
      commitments as (%s),
      deliveries as (
        select d.commune_code, count(*) filter (where d.late or d.missing) as late
        from private.filtered_deliveries($1) d
        where d.commune_code is not null
        group by d.commune_code
      )
      select s.code, coalesce(p.projects, 0), coalesce(p.investment_clp, 0),
        coalesce(c.open, 0), coalesce(c.overdue, 0), coalesce(d.late, 0)
      from scope s
      left join projects p on p.commune_code = s.code
      left join commitments c on c.commune_code = s.code
      left join deliveries d on d.commune_code = s.code
      order by s.code
  $sql$,
    case when p_rollup and private.rollup_covers(p_filter) then 'select * from private.rollup_commune_projects($1)'
    else $p$
        select pc.commune_code, count(*) as projects,
          round(sum(p.investment_clp * pc.share::numeric))::bigint as investment_clp
        from public.filtered_projects($1) p
        join public.project_communes pc on pc.project_id = p.id
        where pc.commune_code in (select code from scope)
        group by pc.commune_code $p$ end,
    case when p_rollup and private.commitment_rollup_covers(p_filter) then $c$
        select c.code as commune_code,
          sum(c.commitments) filter (where c.status in ('pending', 'in_progress'))::bigint as open,
          sum(c.overdue)::bigint as overdue
        from private.rollup_commitment_counts($1, true) c
        group by c.code $c$
    else $c$
        select c.commune_code, count(*) filter (where c.open) as open, count(*) filter (where c.overdue) as overdue
        from private.filtered_commitments($1) c
        where c.commune_code is not null
        group by c.commune_code $c$ end)
  using coalesce(p_filter, '{}'::jsonb);
end;
$$;

create or replace function public.commune_metrics(p_filter jsonb default '{}')
returns table (commune_code text, projects bigint, investment_clp bigint, commitments_open bigint,
  commitments_overdue bigint, deliveries_late bigint)
language sql
stable
set search_path = ''
as $$ select * from private.commune_metrics_by(p_filter, true) $$;

revoke all on private.commitment_pieces, private.commitment_rollup from public, anon, authenticated, service_role;
revoke execute on function
  private.current_commitment_pieces(bigint[]),
  private.refresh_commitment_pieces(bigint[]),
  private.rebuild_commitment_rollup(),
  private.commitment_rollup_commitments_changed(),
  private.commitment_rollup_communes_changed(),
  private.commitment_rollup_agreements_changed(),
  private.commitment_rollup_truncated(),
  private.commitment_rollup_covers(jsonb),
  private.rollup_commitment_counts(jsonb, boolean),
  private.summary_commitments(jsonb, boolean),
  private.summary_deliveries(jsonb)
from public;
grant execute on function
  private.commitment_rollup_covers(jsonb),
  private.rollup_commitment_counts(jsonb, boolean),
  private.summary_commitments(jsonb, boolean),
  private.summary_deliveries(jsonb)
to anon, authenticated, service_role;
