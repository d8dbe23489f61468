-- "What changed since the last session" of a Regional Council: between two dates (Chile's
-- calendar, both included), per region or comuna, built from the audit trail and the histories:
--   project_created / project_stage / project_status   audit_log of projects (public data);
--   commitment_progressed / commitment_fulfilled       commitment_progress (its public values);
--   commitment_overdue                                 due in the period and neither fulfilled
--                                                      nor cancelled by its end (history);
--   delivery_made / delivery_missed                    flow_deliveries (delivered in the period,
--                                                      late or not / due in it and still not
--                                                      delivered when the period ended);
--   publication                                        publications made public in the period.
--
-- Nothing says who did what: the audit trail's actor stays with administrators. The audit trail is
-- read through one security-definer function that returns only project changes (projects are
-- public); everything else runs as the caller, so a role sees the commitments, deliveries and
-- publications its RLS lets it read, and nothing more.

create function private.project_changes(p_from timestamptz, p_to timestamptz)
returns table (at timestamptz, kind text, project_id bigint, name text, old_value text, new_value text)
language sql
stable
security definer
set search_path = ''
as $$
  select l.at, 'project_created', (l.new_row ->> 'id')::bigint, l.new_row ->> 'name', null, l.new_row ->> 'stage'
  from public.audit_log l
  where l.table_name = 'projects' and l.action = 'INSERT' and l.at >= p_from and l.at < p_to
  union all
  select l.at, c.kind, (l.new_row ->> 'id')::bigint, l.new_row ->> 'name', c.old_value, c.new_value
  from public.audit_log l
  cross join lateral (values
    ('project_stage', l.old_row ->> 'stage', l.new_row ->> 'stage'),
    ('project_status', l.old_row ->> 'status', l.new_row ->> 'status')
  ) as c (kind, old_value, new_value)
  where l.table_name = 'projects' and l.action = 'UPDATE' and l.at >= p_from and l.at < p_to
    and c.old_value is distinct from c.new_value;
$$;

revoke execute on function private.project_changes(timestamptz, timestamptz) from public;
grant execute on function private.project_changes(timestamptz, timestamptz) to authenticated, service_role;

create function public.changes_between(
  p_from date,
  p_to date,
  p_region_code text default null,
  p_commune_code text default null
)
returns table (
  happened_on date,
  kind text,
  subject_type text,
  subject_id bigint,
  subject text,
  old_value text,
  new_value text,
  region_code text
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
-- plpgsql plans the query with the dates and places known (a SQL function's generic plan of
-- the same query took 8 s instead of 80 ms on the sample); its columns win over the OUT names.
#variable_conflict use_column
begin
  return query
  with bounds as (
    select (p_from::timestamp at time zone 'America/Santiago') as starts,
      ((p_to + 1)::timestamp at time zone 'America/Santiago') as ends
  ),
  -- Projects: where their geometry lies now (project_communes), as the dashboard places them.
  projects as (
    select (c.at at time zone 'America/Santiago')::date as happened_on, c.kind, 'project' as subject_type,
      c.project_id, c.name, c.old_value, c.new_value,
      (select min(pc.region_code) from public.project_communes pc
       where pc.project_id = c.project_id
         and (p_region_code is null or pc.region_code = p_region_code)
         and (p_commune_code is null or pc.commune_code = p_commune_code)) as region_code
    from bounds b, private.project_changes(b.starts, b.ends) c
  ),
  steps as (
    select h.commitment_id, h.changed_at, h.progress, h.status,
      lag(h.progress) over w as previous_progress, lag(h.status) over w as previous_status
    from public.commitment_progress h
    window w as (partition by h.commitment_id order by h.changed_at, h.id)
  ),
  commitments_in_scope as (
    select c.id, c.title, c.due_on, a.region_code
    from public.commitments c
    join public.agreements a on a.id = c.agreement_id
    where (p_region_code is null or a.region_code = p_region_code)
      and (p_commune_code is null or exists (
        select 1 from public.commitment_communes cc where cc.commitment_id = c.id and cc.commune_code = p_commune_code))
  ),
  commitments as (
    select (s.changed_at at time zone 'America/Santiago')::date, 
      case when s.status = 'fulfilled' then 'commitment_fulfilled' else 'commitment_progressed' end,
      'commitment', c.id, c.title, s.previous_progress::text, s.progress::text, c.region_code
    from steps s
    join commitments_in_scope c on c.id = s.commitment_id
    cross join bounds b
    where s.changed_at >= b.starts and s.changed_at < b.ends
      and s.previous_progress is not null
      and (s.progress > s.previous_progress
           or (s.status = 'fulfilled' and s.previous_status is distinct from 'fulfilled'))
    union all
    -- Overdue from the day after its due date, if nothing closed it before the period ended.
    select c.due_on + 1, 'commitment_overdue', 'commitment', c.id, c.title, null, c.due_on::text, c.region_code
    from commitments_in_scope c
    where c.due_on + 1 between p_from and p_to
      and not exists (
        select 1 from public.commitment_progress h cross join bounds b
        where h.commitment_id = c.id and h.status in ('fulfilled', 'cancelled') and h.changed_at < b.ends)
  ),
  publications_in_scope as (
    select p.id, p.title, p.region_code, p.published_at
    from public.publications p
    where (p_region_code is null or p.region_code = p_region_code)
      and (p_commune_code is null or exists (
        select 1 from public.publication_communes pc where pc.publication_id = p.id and pc.commune_code = p_commune_code))
  ),
  deliveries as (
    select d.delivered_on, 'delivery_made', 'publication', d.publication_id, d.title,
      d.due_on::text, d.delivered_on::text, d.region_code
    from public.flow_deliveries d
    join publications_in_scope p on p.id = d.publication_id
    where d.delivered_on between p_from and p_to
    union all
    select d.due_on + 1, 'delivery_missed', 'publication', d.publication_id, d.title,
      d.due_on::text, d.delivered_on::text, d.region_code
    from public.flow_deliveries d
    join publications_in_scope p on p.id = d.publication_id
    where d.due_on + 1 between p_from and p_to
      and (d.delivered_on is null or d.delivered_on > p_to)
  ),
  published as (
    select (p.published_at at time zone 'America/Santiago')::date, 'publication', 'publication', p.id, p.title,
      null, null, p.region_code
    from publications_in_scope p cross join bounds b
    where p.published_at >= b.starts and p.published_at < b.ends and p.published_at <= now()
      and not exists (select 1 from public.flow_deliveries d where d.publication_id = p.id)
  )
  select * from projects
  where (p_region_code is null and p_commune_code is null) or region_code is not null
  union all select * from commitments
  union all select * from deliveries
  union all select * from published;
end;
$$;

comment on function public.changes_between(date, date, text, text) is
  'Qué cambió entre dos fechas (calendario de Chile, ambas incluidas), por región o comuna: proyectos, compromisos, entregas y publicaciones que el usuario puede leer.';

revoke execute on function public.changes_between(date, date, text, text) from public, anon;
grant execute on function public.changes_between(date, date, text, text) to authenticated, service_role;

-- The number of changes of each kind, for the page's summary (its list is paged).
create function public.change_counts(
  p_from date,
  p_to date,
  p_region_code text default null,
  p_commune_code text default null
)
returns table (kind text, changes bigint)
language sql
stable
security invoker
set search_path = ''
as $$
  select c.kind, count(*) from public.changes_between(p_from, p_to, p_region_code, p_commune_code) c group by c.kind;
$$;

revoke execute on function public.change_counts(date, date, text, text) from public, anon;
grant execute on function public.change_counts(date, date, text, text) to authenticated, service_role;
