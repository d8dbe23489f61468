-- The commitments and deliveries of a dashboard view called `private.filter_has_territory` once
-- per row: since its search_path is pinned (20261130006000) it is no longer inlined, and each call
-- costs a function call — 1.7 s of the national summary at 100k projects, for 13 700 commitments
-- under a loaded machine. The same functions judge it once per call, in the one-row CTE (their
-- search_path stays pinned, as 20261130006000 left them).

create or replace function private.filtered_commitments(p_filter jsonb)
returns table (commitment_id bigint, commune_code text, status public.commitment_status, due_on date,
  open boolean, overdue boolean)
language sql
stable
set search_path = ''
as $$
  with f as (
    select coalesce(p_filter, '{}') as f, (now() at time zone 'America/Santiago')::date as today,
      private.jsonb_texts(p_filter -> 'themes') as themes,
      private.filter_has_territory(p_filter) as territorial
  ),
  scope as materialized (select code from private.filter_communes(p_filter) code),
  judged as (
    select c.id, c.agreement_id, c.status, c.due_on, c.theme_code,
      c.status in ('pending', 'in_progress') as open,
      c.status in ('pending', 'in_progress') and c.due_on < f.today as overdue
    from public.commitments c cross join f
    where (cardinality(f.themes) = 0 or c.theme_code = any (f.themes))
      and (f.f ->> 'year_from' is null or c.due_on >= make_date((f.f ->> 'year_from')::int, 1, 1))
      and (f.f ->> 'year_to' is null or c.due_on <= make_date((f.f ->> 'year_to')::int, 12, 31))
  )
  select j.id, cc.commune_code, j.status, j.due_on, j.open, j.overdue
  from judged j
  cross join f
  left join public.commitment_communes cc on cc.commitment_id = j.id
  left join public.agreements a on a.id = j.agreement_id
  where (f.f ->> 'commitment_status' is null
         or (f.f ->> 'commitment_status' = 'overdue' and j.overdue)
         or j.status::text = f.f ->> 'commitment_status')
    and (not f.territorial
         or cc.commune_code in (select code from scope)
         or (cc.commune_code is null and a.region_code in (
               select left(code, 2) from scope)));
$$;

-- Deliveries of the view (publications delivering a flow period) with their comunas (null when
-- linked to none) and their punctuality as of today.
create or replace function private.filtered_deliveries(p_filter jsonb)
returns table (publication_id bigint, commune_code text, due_on date, due boolean, on_time boolean,
  late boolean, missing boolean)
language sql
stable
set search_path = ''
as $$
  with f as (
    select coalesce(p_filter, '{}') as f, (now() at time zone 'America/Santiago')::date as today,
      private.filter_has_territory(p_filter) as territorial
  ),
  scope as materialized (select code from private.filter_communes(p_filter) code),
  judged as (
    select p.id, p.region_code, p.due_on, f.today, f.territorial,
      case when p.status <> 'draft' and p.published_at <= now()
        then (p.published_at at time zone 'America/Santiago')::date end as delivered_on
    from public.publications p cross join f
    where p.flow_id is not null and p.due_on is not null
      and (f.f ->> 'year_from' is null or p.due_on >= make_date((f.f ->> 'year_from')::int, 1, 1))
      and (f.f ->> 'year_to' is null or p.due_on <= make_date((f.f ->> 'year_to')::int, 12, 31))
  )
  select j.id, pc.commune_code, j.due_on,
    j.due_on <= j.today as due,
    j.delivered_on <= j.due_on as on_time,
    j.delivered_on > j.due_on as late,
    j.delivered_on is null and j.due_on < j.today as missing
  from judged j
  left join public.publication_communes pc on pc.publication_id = j.id
  where not j.territorial
     or pc.commune_code in (select code from scope)
     or (pc.commune_code is null and j.region_code in (select left(code, 2) from scope));
$$;
