-- Supabase's linter (function_search_path_mutable) asks every function to pin its search_path, so
-- that a caller's own search_path can never redirect an unqualified name. These dashboard helpers
-- were left without one so that Postgres could inline them into the calling query; every name in
-- them is schema-qualified, and pinning the path costs the inlining of `filtered_projects` (its
-- rows are now materialised before PostgREST's order and limit: measured in npm run bench).
alter function public.planned_progress(date, date, date) set search_path = '';
alter function public.is_delayed(public.project_status, date, date, numeric, date) set search_path = '';
alter function public.filtered_projects(jsonb) set search_path = '';
alter function private.is_empty_list(jsonb) set search_path = '';
alter function private.filter_area(jsonb) set search_path = '';
alter function private.filter_communes(jsonb) set search_path = '';
alter function private.filtered_commitments(jsonb) set search_path = '';
alter function private.filtered_deliveries(jsonb) set search_path = '';

-- Every foreign key has its covering index (unindexed_foreign_keys).
create index project_progress_reported_by_idx on public.project_progress (reported_by);
