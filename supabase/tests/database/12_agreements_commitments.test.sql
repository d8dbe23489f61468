-- Agreements and commitments: dates that make sense, progress within 0–100 with its history, the
-- secretariat's right to maintain its region's commitments, and "overdue" computed when read.
begin;
\ir helpers/access.psql
select plan(33);

-- A region of its own, so that data already in the database cannot interfere.
insert into public.regions (code, name, roman) values ('99', 'Región de prueba', 'I'), ('98', 'Otra región de prueba', 'II');
insert into public.institutions (name, kind, level, region_code) values
  ('Gobierno Regional de Prueba', 'regional_government', 'regional', '99'),
  ('Gobierno Regional de Otra Prueba', 'regional_government', 'regional', '98');
select tests.create_user('admin', 'admin');
select tests.create_user('planner', 'planner');
select tests.create_user('secretariat', 'secretariat', '99');
select tests.create_user('gore', 'gore', '99');

insert into public.agreements (kind, title, problem, signed_on, region_code) values
  ('cooperation_agreement', 'Convenio de prueba', 'Conectividad de caletas', '2025-01-15', '99'),
  ('working_group', 'Mesa de otra región', 'Riego', '2025-01-15', '98');

create function tests.agreement(title text) returns bigint language sql as $$
  select id from public.agreements a where a.title = agreement.title;
$$;
create function tests.commitment(title text) returns bigint language sql as $$
  select id from public.commitments c where c.title = commitment.title;
$$;
create function tests.add_commitment(title text, due_on date, agreement text default 'Convenio de prueba')
returns bigint
language sql
as $$
  insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on)
  values (tests.agreement(agreement), title,
          (select id from public.institutions where name = 'Gobierno Regional de Prueba'), 'territorio', due_on)
  returning id;
$$;
grant execute on all functions in schema tests to anon, authenticated, service_role;

-- ── Dates ───────────────────────────────────────────────────────────────────────────────────
select throws_ok(
  $$select tests.add_commitment('Antes del acuerdo', '2024-12-31')$$,
  '23514', 'La fecha de vencimiento del compromiso (31-12-2024) es anterior a la fecha del acuerdo (15-01-2025).',
  'a commitment cannot fall due before its agreement''s date'
);
select lives_ok(
  $$select tests.add_commitment('Mismo día', '2025-01-15')$$,
  'it may fall due on the agreement''s date'
);
select throws_ok(
  $$update public.commitments set due_on = '2025-01-01' where id = tests.commitment('Mismo día')$$,
  '23514', 'La fecha de vencimiento del compromiso (01-01-2025) es anterior a la fecha del acuerdo (15-01-2025).',
  'nor be moved before it'
);
select throws_ok(
  $$update public.agreements set signed_on = '2025-02-01' where id = tests.agreement('Convenio de prueba')$$,
  '23514', 'El acuerdo tiene compromisos que vencen el 15-01-2025, antes de la nueva fecha del acuerdo (01-02-2025).',
  'nor can the agreement''s date move past its commitments'
);
select throws_ok(
  $$insert into public.agreements (kind, title, problem, signed_on, ends_on) values ('cooperation_agreement', 'X', 'Y', '2025-03-01', '2025-02-01')$$,
  '23514', 'new row for relation "agreements" violates check constraint "agreements_ends_after_signed"',
  'an agreement cannot end before it is signed'
);

-- ── Codes and values ────────────────────────────────────────────────────────────────────────
select throws_ok(
  $$insert into public.agreements (kind, title, problem, signed_on) values ('contrato', 'X', 'Y', '2025-03-01')$$,
  '22P02', 'invalid input value for enum agreement_kind: "contrato"',
  'an unknown agreement kind is refused'
);
select throws_ok(
  $$insert into public.agreements (kind, title, problem, signed_on, region_code) values ('cooperation_agreement', 'X', 'Y', '2025-03-01', '5')$$,
  '23503', 'insert or update on table "agreements" violates foreign key constraint "agreements_region_code_fkey"',
  'an unknown region code is refused'
);
select throws_ok(
  $$insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on)
    values (tests.agreement('Convenio de prueba'), 'X', (select id from public.institutions where name = 'Gobierno Regional de Prueba'), 'vivienda', '2026-01-01')$$,
  '23503', 'insert or update on table "commitments" violates foreign key constraint "commitments_theme_code_fkey"',
  'an unknown theme code is refused'
);
select throws_ok(
  $$insert into public.commitment_communes (commitment_id, commune_code) values (tests.commitment('Mismo día'), '5101')$$,
  '23503', 'insert or update on table "commitment_communes" violates foreign key constraint "commitment_communes_commune_code_fkey"',
  'an unknown comuna code is refused'
);
select throws_ok(
  $$update public.commitments set progress = 101 where id = tests.commitment('Mismo día')$$,
  '23514', 'new row for relation "commitments" violates check constraint "commitments_progress_between_0_and_100"',
  'progress above 100 is refused'
);
select throws_ok(
  $$update public.commitments set progress = -1 where id = tests.commitment('Mismo día')$$,
  '23514', 'new row for relation "commitments" violates check constraint "commitments_progress_between_0_and_100"',
  'negative progress is refused'
);
select throws_ok(
  $$update public.commitments set status = 'fulfilled', progress = 80 where id = tests.commitment('Mismo día')$$,
  '23514', 'new row for relation "commitments" violates check constraint "commitments_fulfilled_means_complete"',
  'a commitment is not fulfilled below 100 %'
);

-- ── Progress and its history ────────────────────────────────────────────────────────────────
select tests.add_commitment('Mejorar la caleta', '2026-06-30');
select results_eq(
  $$select progress, status::text, note from public.commitment_progress where commitment_id = tests.commitment('Mejorar la caleta')$$,
  $$values (0::smallint, 'pending', null::text)$$,
  'a new commitment starts its history at 0 %, pending'
);

select tests.authenticate_as('secretariat');
select results_eq(
  $$select progress, status::text from public.update_commitment_progress(tests.commitment('Mejorar la caleta'), 40::smallint, 'Licitación adjudicada', 'in_progress')$$,
  $$values (40::smallint, 'in_progress')$$,
  'the secretariat reports progress in its region'
);
select results_eq(
  $$select progress, status::text, note, changed_by from public.commitment_progress
    where commitment_id = tests.commitment('Mejorar la caleta') order by id desc limit 1$$,
  format('values (40::smallint, %L, %L, %L::uuid)', 'in_progress', 'Licitación adjudicada', tests.user_id('secretariat')),
  'the change is in the history with its note and author'
);
select lives_ok(
  $$update public.commitments set progress = 55 where id = tests.commitment('Mejorar la caleta')$$,
  'the secretariat may also update the progress column directly'
);
select is(
  (select note from public.commitment_progress where commitment_id = tests.commitment('Mejorar la caleta') order by id desc limit 1),
  null, 'without carrying the previous call''s note over'
);
select lives_ok(
  $$update public.commitments set estimated_cost_clp = 5000000 where id = tests.commitment('Mejorar la caleta')$$,
  'and maintains the rest of its region''s commitments (issue 10: the secretariat keeps its region''s agreements)'
);
select throws_ok(
  $$select public.update_commitment_progress(tests.commitment('Mejorar la caleta'), 120::smallint, 'Demasiado')$$,
  '23514', 'new row for relation "commitments" violates check constraint "commitments_progress_between_0_and_100"',
  'and never outside 0–100'
);
select tests.clear_authentication();
-- Its id is looked up now: the secretariat cannot see it.
select set_config('tests.other_commitment', tests.add_commitment('Compromiso de otra región', '2026-06-30', 'Mesa de otra región')::text, true);
select tests.authenticate_as('secretariat');
select throws_ok(
  format('select public.update_commitment_progress(%s, 10::smallint)', current_setting('tests.other_commitment')),
  '42501', format('El compromiso %s no existe o no tiene permiso para actualizar su avance.', current_setting('tests.other_commitment')),
  'the secretariat cannot report progress in another region'
);
select tests.authenticate_as('gore');
select throws_ok(
  format('select public.update_commitment_progress(%s, 10::smallint)', tests.commitment('Mejorar la caleta')),
  '42501', null,
  'a regional government reads progress but does not report it'
);
select tests.authenticate_as('planner');
select throws_ok(
  format('select public.update_commitment_progress(%s, 10::smallint)', tests.commitment('Mejorar la caleta')),
  '42501', null,
  'nor does a planner'
);
select tests.authenticate_as('admin');
select lives_ok(
  $$update public.commitments set title = 'Mejorar la caleta de pescadores' where id = tests.commitment('Mejorar la caleta')$$,
  'an administrator edits the commitment'
);
select tests.clear_authentication();
select is(
  (select count(*)::int from public.commitment_progress where commitment_id = tests.commitment('Mejorar la caleta de pescadores')),
  3, 'only changes of progress or status add history rows'
);
select tests.authenticate_as('gore');
select is(
  (select array_agg(progress order by id) from public.commitment_progress
   where commitment_id = tests.commitment('Mejorar la caleta de pescadores')),
  '{0,40,55}'::smallint[], 'the regional government reads the history of its region'
);
select tests.clear_authentication();

-- ── Overdue, computed when read, on Chile's calendar ────────────────────────────────────────
create temporary table chile as select (now() at time zone 'America/Santiago')::date as today;
select tests.add_commitment('Vencido', (select today - 1 from chile));
select tests.add_commitment('Vence hoy', (select today from chile));
select tests.add_commitment('Vencido pero cumplido', (select today - 1 from chile));
update public.commitments set status = 'fulfilled', progress = 100 where title = 'Vencido pero cumplido';
select tests.add_commitment('Vencido pero cancelado', (select today - 1 from chile));
update public.commitments set status = 'cancelled' where title = 'Vencido pero cancelado';

select is((select overdue from public.commitments_with_status where title = 'Vencido'), true,
  'a pending commitment past its due date is overdue');
select is((select overdue from public.commitments_with_status where title = 'Vence hoy'), false,
  'one due today is not overdue yet');
select is((select overdue from public.commitments_with_status where title = 'Vencido pero cumplido'), false,
  'a fulfilled commitment is never overdue');
select is((select overdue from public.commitments_with_status where title = 'Vencido pero cancelado'), false,
  'nor is a cancelled one');
update public.commitments set status = 'in_progress', progress = 90 where title = 'Vencido';
select is((select overdue from public.commitments_with_status where title = 'Vencido'), true,
  'being in progress does not stop it from being overdue');
update public.commitments set due_on = (select today + 30 from chile) where title = 'Vencido';
select is((select overdue from public.commitments_with_status where title = 'Vencido'), false,
  'moving the due date clears it at once: nothing stale is stored');
select hasnt_column('public', 'commitments', 'overdue', 'commitments store no overdue flag');
select is(
  (select region_code from public.commitments_with_status where title = 'Vence hoy'), '99',
  'the view carries the agreement''s region for filtering'
);

select * from finish();
rollback;
