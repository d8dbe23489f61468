-- PMG evaluations: one per institution, year and requirement, against the known requirements.
begin;
\ir helpers/access.psql
select plan(7);

insert into public.regions (code, name, roman) values ('99', 'Región de prueba', 'I');
insert into public.institutions (name, kind, level, region_code) values
  ('Dirección Regional de Vialidad de Prueba', 'service', 'regional', '99');

select results_eq(
  $$select code, name from public.pmg_requirements order by sort_order$$,
  $$values ('1.1', 'Perspectiva territorial'), ('1.2', 'Articulación territorial'), ('1.3', 'Complementariedad'),
           ('2.1', 'Información regional'), ('3', 'Informe ejecutivo')$$,
  'the five territorial requirements of the PMG, in order'
);
select lives_ok(
  $$insert into public.pmg_evaluations (institution_id, year, requirement_code, development, recommendations, status)
    select id, 2025, '1.2', 'Participa en la mesa regional', 'Sistematizar acuerdos', 'submitted'
    from public.institutions where name = 'Dirección Regional de Vialidad de Prueba'$$,
  'an evaluation records the development achieved and recommendations'
);
select is(
  (select status::text from public.pmg_evaluations p join public.institutions i on i.id = p.institution_id
   where i.name = 'Dirección Regional de Vialidad de Prueba'),
  'submitted', 'with its status'
);
select throws_ok(
  $$insert into public.pmg_evaluations (institution_id, year, requirement_code)
    select id, 2025, '1.2' from public.institutions where name = 'Dirección Regional de Vialidad de Prueba'$$,
  '23505', 'duplicate key value violates unique constraint "pmg_evaluations_once_per_requirement"',
  'one evaluation per institution, year and requirement'
);
select throws_ok(
  $$insert into public.pmg_evaluations (institution_id, year, requirement_code)
    select id, 2025, '4.1' from public.institutions where name = 'Dirección Regional de Vialidad de Prueba'$$,
  '23503', 'insert or update on table "pmg_evaluations" violates foreign key constraint "pmg_evaluations_requirement_code_fkey"',
  'an unknown requirement code is refused'
);
select throws_ok(
  $$insert into public.pmg_evaluations (institution_id, year, requirement_code)
    select id, 25, '1.1' from public.institutions where name = 'Dirección Regional de Vialidad de Prueba'$$,
  '23514', 'new row for relation "pmg_evaluations" violates check constraint "pmg_evaluations_year_plausible"',
  'a year like 25 is refused'
);
select throws_ok(
  $$insert into public.pmg_evaluations (institution_id, year, requirement_code, status)
    select id, 2025, '1.1', 'aprobada' from public.institutions where name = 'Dirección Regional de Vialidad de Prueba'$$,
  '22P02', 'invalid input value for enum pmg_evaluation_status: "aprobada"',
  'an unknown status is refused'
);

select * from finish();
rollback;
