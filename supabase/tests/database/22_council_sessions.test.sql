-- The sessions of a region's Consejo Regional MOP (area pmg): the region's secretariat keeps
-- them, its regional roles read them, another region's secretariat can neither create, edit,
-- delete nor read them by id, and authorship and timestamps are the database's.
begin;
\ir helpers/access.psql
select plan(16);

select tests.create_territory();
select tests.create_user('secretariat', 'secretariat', '91');
select tests.create_user('gore', 'gore', '91');
select tests.create_user('secretariat92', 'secretariat', '92');
select tests.create_user('planner', 'planner');
select tests.create_user('admin', 'admin');

insert into public.council_sessions (region_code, held_on, kind, place, notes) values
  ('92', '2026-10-05', 'ordinary', 'Sala del Sur', 'Acuerdos del sur');
create table tests.sessions as select id, region_code from public.council_sessions;
grant select on tests.sessions to authenticated;

select tests.authenticate_as('secretariat');
select is(
  tests.refusal($$insert into public.council_sessions (region_code, held_on, kind, place, notes)
    values ('91', '2026-10-01', 'ordinary', 'Sala del Norte', '**Acuerdo 1**: priorizar el puente')$$),
  'no error', 'the secretariat records a session of its region');
select is(
  (select created_by from public.council_sessions where region_code = '91'), tests.user_id('secretariat'),
  'the author is the caller, set by the database');
select is(
  tests.refusal($$insert into public.council_sessions (region_code, held_on, kind, place)
    values ('92', '2026-10-02', 'ordinary', 'Sala del Sur')$$),
  '42501 -', 'it cannot record a session of another region');
select is(
  tests.refusal($$insert into public.council_sessions (region_code, held_on, kind, place, created_by)
    values ('91', '2026-10-03', 'extraordinary', 'Sala', (select tests.user_id('admin')))$$),
  '42501 -', 'it cannot name another author');
select is(
  tests.refusal($$insert into public.council_sessions (region_code, held_on, kind, place, created_at)
    values ('91', '2026-10-03', 'extraordinary', 'Sala', '2020-01-01')$$),
  '42501 -', 'it cannot set the creation time');
select is(
  tests.refusal($$update public.council_sessions set updated_at = '2020-01-01' where region_code = '91'$$),
  '42501 -', 'nor the update time');
select is(
  tests.refusal($$update public.council_sessions set region_code = '92' where region_code = '91'$$),
  '42501 -', 'a session never moves to another region');
select is(
  tests.refusal($$insert into public.council_sessions (region_code, held_on, kind, place)
    values ('91', '2026-10-01', 'ordinary', 'Otra sala')$$),
  '23505 council_sessions_one_per_day_and_kind', 'one session of each kind a day');
select is(
  tests.refusal($$insert into public.council_sessions (region_code, held_on, kind, place)
    values ('91', '2026-10-04', 'ordinary', '   ')$$),
  '23514 council_sessions_place_length', 'a place is required');
select is((select count(*)::int from public.council_sessions where id = (select id from tests.sessions where region_code = '92')), 0,
  'another region''s session is not read by its id');
with changed as (
  update public.council_sessions set notes = 'Reescrito' where id = (select id from tests.sessions where region_code = '92') returning 1
) select is((select count(*)::int from changed), 0, 'nor edited');
with removed as (
  delete from public.council_sessions where id = (select id from tests.sessions where region_code = '92') returning 1
) select is((select count(*)::int from removed), 0, 'nor deleted');

select tests.authenticate_as('gore');
select is((select count(*)::int from public.council_sessions), 1, 'the region''s GORE reads its region''s sessions only');
with changed as (update public.council_sessions set notes = 'GORE' returning 1)
select is((select count(*)::int from changed), 0, 'and does not edit them');

select tests.authenticate_as('planner');
select is((select count(*)::int from public.council_sessions), 0, 'national planners do not read the minutes');

select tests.clear_authentication();
select is(
  (select count(*)::int from public.audit_log
   where table_name = 'council_sessions' and action = 'INSERT' and new_row ->> 'region_code' in ('91', '92')), 2,
  'every recorded session is in the audit trail');

select * from finish();
rollback;
