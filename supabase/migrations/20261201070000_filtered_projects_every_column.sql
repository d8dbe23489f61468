-- `public.filtered_projects` listed the columns of projects one by one, so the columns added by
-- 20261201000100 (declared_commune_code, located_by_commune) made every call fail with "return
-- type mismatch" — every dashboard RPC builds on it. `p.*` follows the table: a SQL function's body
-- is parsed when it is called (and inlined), so a future column cannot break it again.
--
-- A filter that restricts no project (the national page, or only a commitment status) reads the
-- table directly: the list's first page is then a top-N over projects, where matching every id
-- first (100 000 at 100k, through a hash and as many index probes) cost 2–3 s on a loaded machine
-- and hit the anonymous role's 3 s statement timeout. UNION ALL, not OR, keeps the other branch a
-- join the planner can build (an OR would make it a subplan run once per project); each branch's
-- condition reads only the filter, so the branch not taken is never run.
create or replace function public.filtered_projects(p_filter jsonb)
returns setof public.projects
language sql
stable
parallel safe
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
