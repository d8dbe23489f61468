-- is_delayed computes the planned S-curve and the threshold itself (one call per project, see its
-- migration): it must agree with planned_progress() and delay_threshold_points() everywhere.
begin;
\ir helpers/access.psql
select plan(3);

create temporary table cases as
select
  status,
  date '2024-01-01' as start_on,
  date '2024-01-01' + span as end_on,
  progress::numeric as physical_progress,
  date '2023-12-01' + day as on_date
from unnest(enum_range(null::public.project_status)) as status,
  unnest(array[1, 30, 400]) as span,
  generate_series(0, 100, 5) as progress,
  generate_series(0, 480, 7) as day;

select cmp_ok((select count(*) from cases), '>', 10000::bigint, 'enough cases to cover the curve');

select is(
  (select count(*) from cases c
   where public.is_delayed(c.status, c.start_on, c.end_on, c.physical_progress, c.on_date)
     is distinct from coalesce(
       c.status in ('in_progress', 'halted')
       and c.physical_progress
         < public.planned_progress(c.start_on, c.end_on, c.on_date) - public.delay_threshold_points(),
       false)),
  0::bigint,
  'is_delayed agrees with planned_progress and delay_threshold_points on every case');

select cmp_ok(
  (select count(*) from cases c
   where public.is_delayed(c.status, c.start_on, c.end_on, c.physical_progress, c.on_date)),
  '>', 0::bigint,
  'some works are delayed, so the agreement above is not vacuous');

select * from finish();
rollback;
