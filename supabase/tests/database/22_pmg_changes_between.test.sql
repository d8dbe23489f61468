-- What changed between two council sessions (area pmg): public.changes_between reads the audit
-- trail for projects (without actors) and everything else under the caller's own RLS.
begin;
\ir helpers/access.psql
select plan(9);

select tests.create_territory();
insert into public.institutions (name, kind, level, region_code) values
  ('Gobierno Regional de Prueba Norte', 'regional_government', 'regional', '91'),
  ('Secretaría Técnica de Prueba Norte', 'council_secretariat', 'regional', '91');
select tests.create_user('secretariat', 'secretariat', '91');
select tests.create_user('gore92', 'gore', '92');
create function tests.today() returns date language sql as $$ select private.today_in_chile() $$;
grant execute on all functions in schema tests to anon, authenticated, service_role;

insert into public.projects (service_code, name, stage, status, geom) values
  ('vialidad', 'Puente del norte [prueba]', 'design', 'in_progress', tests.point(-99.95, -39.95)),
  ('vialidad', 'Camino del sur [prueba]', 'design', 'in_progress', tests.point(-99.95, -40.05));
update public.projects set stage = 'execution' where name = 'Puente del norte [prueba]';

insert into public.agreements (kind, title, problem, signed_on, region_code)
values ('working_group', 'Mesa del norte', 'Conectividad', tests.today() - 200, '91');
insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on)
select a.id, t, (select id from public.institutions where name = 'Gobierno Regional de Prueba Norte'), 'territorio', tests.today() + d
from public.agreements a, (values ('Avanza', 30), ('Se atrasa', -3), ('Se cumple', 10)) as v (t, d)
where a.title = 'Mesa del norte';
update public.commitments set progress = 40, status = 'in_progress' where title = 'Avanza';
update public.commitments set progress = 100, status = 'fulfilled' where title = 'Se cumple';

insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity)
values ('91', 'Cartera [prueba]', (select id from public.institutions where name = 'Secretaría Técnica de Prueba Norte'), 'portal', 'monthly');
insert into public.publications (region_code, title, kind, status, published_at, flow_id, due_on)
select '91', 'Entrega de octubre', 'report', 'published', now() - interval '1 hour', f.id, tests.today() - 1
from public.information_flows f where f.information = 'Cartera [prueba]';
insert into public.publications (region_code, title, kind, flow_id, due_on)
select '91', 'Entrega pendiente', 'report', f.id, tests.today() - 2
from public.information_flows f where f.information = 'Cartera [prueba]';

select tests.authenticate_as('secretariat');
create temporary table seen on commit drop as
select c.kind, c.subject from public.changes_between(tests.today() - 7, tests.today(), '91') c
where c.subject like '%[prueba]%' or c.subject in ('Avanza', 'Se atrasa', 'Se cumple', 'Entrega de octubre', 'Entrega pendiente');
grant select on seen to authenticated;
select set_eq($$select kind from seen where subject = 'Puente del norte [prueba]'$$, array['project_created', 'project_stage'],
  'a project of the region: created and moved to another stage, from the audit trail');
select is_empty($$select 1 from seen where subject = 'Camino del sur [prueba]'$$, 'another region''s project is not listed');
select set_eq($$select kind || ':' || subject from seen where kind like 'commitment%'$$,
  array['commitment_progressed:Avanza', 'commitment_fulfilled:Se cumple', 'commitment_overdue:Se atrasa'],
  'commitments that progressed, were fulfilled or fell overdue, from their history');
select set_eq($$select kind || ':' || subject from seen where kind like 'delivery%'$$,
  array['delivery_made:Entrega de octubre', 'delivery_missed:Entrega pendiente'],
  'deliveries made (late ones too), and periods still undelivered at the end');
select is((select count(*)::int from public.changes_between(tests.today() - 7, tests.today(), '91', '91102') c where c.subject like '%[prueba]%'), 0,
  'a comuna narrows it (the project lies in 91101)');
select is((select count(*)::int from public.change_counts(tests.today() - 7, tests.today(), '91') c where c.kind = 'commitment_overdue' and c.changes >= 1), 1,
  'change_counts counts the same changes by kind');
select is((select count(*)::int from pg_proc p, unnest(p.proallargtypes) t where p.proname = 'changes_between' and t = 'uuid'::regtype), 0,
  'no identity of a person is returned');

select tests.authenticate_as('gore92');
select is((select count(*)::int from public.changes_between(tests.today() - 7, tests.today(), '91') c where c.kind like 'delivery%'), 0,
  'another region''s GORE does not see region 91''s deliveries (flow_deliveries RLS)');

select tests.authenticate_as_anon();
select throws_ok($$select * from public.changes_between(current_date - 7, current_date)$$, '42501', null,
  'anon does not call it (it reads internal deliveries)');

select * from finish();
rollback;
