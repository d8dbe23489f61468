-- filtered_projects listed the columns of projects one by one, so the columns added by
-- 20261201000100_project_declared_commune made it fail ("return type mismatch … returns too few
-- columns") and with it every dashboard page. `p.*` follows the table's columns from now on.
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
