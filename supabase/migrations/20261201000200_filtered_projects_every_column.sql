-- `public.filtered_projects` listed the columns of projects one by one, so the columns added by
-- 20261201000100 (declared_commune_code, located_by_commune) made every call fail ("return type
-- mismatch"), and every dashboard RPC builds on it. `p.*` follows the table: a SQL function's body
-- is checked again at each call, so a future column cannot break it.
create or replace function public.filtered_projects(p_filter jsonb)
returns setof public.projects
language sql
stable
parallel safe
set search_path = ''
as $$
  select p.*
  from public.projects p
  where p.id in (select f.id from private.filtered_project_ids(p_filter) as f (id))
$$;
