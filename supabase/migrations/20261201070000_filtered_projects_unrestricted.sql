-- A filter that restricts no project (the national page, or only a commitment status) reads the
-- table directly instead of matching every id first (100 000 at 100k, through a hash and as many
-- index probes): the national list's first page hit the anonymous role's 3 s statement timeout on
-- a loaded machine. UNION ALL, not OR, keeps the other branch a join the planner can build (an OR
-- would make it a subplan run once per project); each branch's condition reads only the filter,
-- so the branch not taken is never run. `p.*` follows the table (20261201000200).
create or replace function public.filtered_projects(p_filter jsonb)
returns setof public.projects
language sql
stable
parallel safe
set search_path = ''
as $$
  select p.*
  from public.projects p
  where not (coalesce(p_filter, '{}') ?| array['region', 'province', 'communes', 'services', 'themes', 'stages',
    'statuses', 'year_from', 'year_to', 'investment_min', 'investment_max', 'q', 'area', 'delayed'])
  union all
  select p.*
  from public.projects p
  where coalesce(p_filter, '{}') ?| array['region', 'province', 'communes', 'services', 'themes', 'stages',
      'statuses', 'year_from', 'year_to', 'investment_min', 'investment_max', 'q', 'area', 'delayed']
    and p.id in (select f.id from private.filtered_project_ids(p_filter) as f (id))
$$;
