-- 20261201070000 listed the filter keys that restrict projects, and the data-quality key
-- (`quality`, 20261201060200) was written in parallel and missed the list: a filter on flags only
-- returned every project. The shortcut now asks the opposite question, as
-- private.rollup_covers does: the table is read whole only when no key but commitment_status
-- (which filters commitments) carries a value, so a key added later restricts by default.
create or replace function private.filter_restricts_projects(p_filter jsonb)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select exists (
    select 1 from jsonb_each(coalesce(p_filter, '{}')) e
    where e.key <> 'commitment_status'
      and e.value <> 'null'::jsonb and e.value <> '[]'::jsonb and e.value <> '""'::jsonb)
$$;

create or replace function public.filtered_projects(p_filter jsonb)
returns setof public.projects
language sql
stable
parallel safe
set search_path = ''
as $$
  select p.*
  from public.projects p
  where not private.filter_restricts_projects(p_filter)
  union all
  select p.*
  from public.projects p
  where private.filter_restricts_projects(p_filter)
    and p.id in (select f.id from private.filtered_project_ids(p_filter) as f (id))
$$;
