-- The audit trail: every insert, update, delete and truncate on projects, agreements,
-- commitments and publications, with who and when and the row before and after; read by
-- administrators only and changed by nobody, not even the table's owner.
begin;
\ir helpers/access.psql
select plan(21);

select tests.create_territory();
insert into public.regions (code, name, roman) values ('99', 'Región de prueba', 'I');
insert into public.institutions (name, kind, level, region_code) values
  ('Gobierno Regional de Prueba', 'regional_government', 'regional', '99');
select tests.create_user('admin', 'admin');
select tests.create_user('planner', 'planner');
select tests.create_user('secretariat', 'secretariat', '99');

create temporary table mark as select coalesce(max(id), 0) as last_id from public.audit_log;
create function tests.entries(tbl text)
returns table (action text, actor uuid, old_row jsonb, new_row jsonb)
language sql
as $$
  select a.action, a.actor, a.old_row, a.new_row from public.audit_log a
  where a.table_name = tbl and a.id > (select last_id from mark) order by a.id;
$$;

-- As an administrator through the API: one entry per row and change.
select tests.authenticate_as('admin');
insert into public.projects (service_code, name, stage, status, geom) values
  ('vialidad', 'Ruta auditada [prueba]', 'design', 'in_progress', 'SRID=4326;POINT(-99.95 -39.95)'),
  ('vialidad', 'Otra ruta auditada [prueba]', 'design', 'in_progress', 'SRID=4326;POINT(-99.85 -40.05)');
update public.projects set status = 'halted' where name = 'Ruta auditada [prueba]';
delete from public.projects where name = 'Otra ruta auditada [prueba]';
insert into public.agreements (kind, title, problem, signed_on, region_code)
values ('cooperation_agreement', 'Convenio auditado', 'Problema', '2025-01-01', '99');
insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on)
select a.id, 'Compromiso auditado', i.id, 'territorio', '2025-12-31'
from public.agreements a, public.institutions i
where a.title = 'Convenio auditado' and i.name = 'Gobierno Regional de Prueba';
select tests.authenticate_as('secretariat');
select public.update_commitment_progress(
  (select id from public.commitments where title = 'Compromiso auditado'), 30::smallint, 'Primer avance');
insert into public.publications (region_code, title, kind) values ('99', 'Publicación auditada', 'report');
delete from public.publications where title = 'Publicación auditada';
select tests.clear_authentication();

select results_eq(
  $$select action, actor from tests.entries('projects')$$,
  format('values (%1$L, %2$L::uuid), (%1$L, %2$L::uuid), (%3$L, %2$L::uuid), (%4$L, %2$L::uuid)',
    'INSERT', tests.user_id('admin'), 'UPDATE', 'DELETE'),
  'projects: each insert, update and delete, by whom'
);
select is(
  (select array[old_row ->> 'status', new_row ->> 'status'] from tests.entries('projects') where action = 'UPDATE'),
  array['in_progress', 'halted'], 'an update keeps the row before and after'
);
select is(
  (select new_row -> 'geom' ->> 'type' from tests.entries('projects') where action = 'INSERT' limit 1),
  'Point', 'geometry is kept as GeoJSON'
);
select is(
  (select old_row ->> 'name' from tests.entries('projects') where action = 'DELETE'),
  'Otra ruta auditada [prueba]', 'a delete keeps the row removed'
);
select results_eq(
  $$select action from tests.entries('agreements')$$, $$values ('INSERT')$$, 'agreements are audited'
);
select results_eq(
  $$select action, actor, (new_row ->> 'progress')::int from tests.entries('commitments')$$,
  format('values (%L, %L::uuid, 0), (%L, %L::uuid, 30)', 'INSERT', tests.user_id('admin'), 'UPDATE', tests.user_id('secretariat')),
  'commitments are audited, progress reports included'
);
select results_eq(
  $$select action, actor from tests.entries('publications')$$,
  format('values (%1$L, %2$L::uuid), (%3$L, %2$L::uuid)', 'INSERT', tests.user_id('secretariat'), 'DELETE'),
  'publications are audited'
);
select is(
  (select array_agg(distinct actor_role) from public.audit_log where id > (select last_id from mark)),
  '{authenticated}', 'with the API role of the request'
);
select is(
  (select count(*)::int from public.audit_log where id > (select last_id from mark) and at <> now()),
  0, 'at the time of the change'
);

-- Bulk statements are audited row by row.
update public.projects set investment_clp = 1 where name like '%auditada [prueba]';
select is(
  (select count(*)::int from tests.entries('projects') where action = 'UPDATE' and actor is null),
  1, 'a change made outside the API is recorded too, without an actor'
);
select is(
  (select actor_role from public.audit_log order by id desc limit 1), 'postgres',
  'naming the database role instead'
);

-- Who reads it.
select tests.authenticate_as('admin');
select isnt_empty($$select 1 from public.audit_log$$, 'an administrator reads the audit trail');
select tests.authenticate_as('planner');
select is_empty($$select 1 from public.audit_log$$, 'a planner does not');
select tests.authenticate_as('secretariat');
select is_empty($$select 1 from public.audit_log$$, 'nor does the secretariat, not even about its own changes');

-- Nobody changes it.
select tests.authenticate_as('admin');
select throws_ok(
  $$update public.audit_log set action = 'INSERT'$$, '42501', null, 'an administrator cannot edit it'
);
select throws_ok(
  $$delete from public.audit_log$$, '42501', null, 'nor delete from it'
);
select throws_ok(
  $$insert into public.audit_log (table_name, action, actor_role) values ('projects', 'DELETE', 'authenticated')$$,
  '42501', null, 'nor forge entries'
);
select tests.clear_authentication();
set local role service_role;
select throws_ok(
  $$delete from public.audit_log$$, '42501', null, 'the service role cannot delete from it'
);
reset role;
select throws_ok(
  $$update public.audit_log set actor = null$$, '42501', 'El registro de auditoría no se puede modificar ni borrar.',
  'and its owner cannot edit it either'
);
select throws_ok(
  $$truncate public.audit_log$$, '42501', 'El registro de auditoría no se puede modificar ni borrar.',
  'or truncate it'
);

-- Emptying an audited table wholesale is recorded as such.
delete from public.commitments where title = 'Compromiso auditado';
truncate public.publication_communes, public.publication_projects, public.publication_commitments, public.publication_versions, public.acknowledgements,
  public.email_outbox, public.publications;
select is(
  (select action from tests.entries('publications') order by 1 desc limit 1), 'TRUNCATE',
  'a truncate is recorded'
);

select * from finish();
rollback;
