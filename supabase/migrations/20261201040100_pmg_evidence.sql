-- Evidence for the PMG de Gestión Territorial (Etapa 4), computed from the data of one year and
-- one region (null: the whole country). One JSON document with a section per requirement, dated
-- (`as_of`), carrying the ids the page links to. Definitions (docs/DATA.md, "Evidencia PMG"):
--
--   agreements of the year  signed on or before 31 Dec and not ended before 1 Jan; the region's own
--                           (region_code = p_region_code), or every one for the country;
--   1.1  the territorial problems those agreements address, by region;
--   1.2  the distinct institutions party to them, by kind and by region (null: national), and the
--        comunas their commitments cover out of the comunas of the scope;
--   1.3  formal agreements (≥ 2 parties) by kind; their commitments scheduled in the year (due in it);
--        those already due (due on or before today), fulfilled on time (first recorded as fulfilled
--        on or before the due date, Chile's calendar), overdue now, and the estimated cost of the
--        scheduled ones that are not cancelled;
--   2.1  flow periods due in the year up to today (flow_deliveries), delivered, on time, and the
--        receipts of the delivered ones out of the recipients expected.
--
-- Security invoker: every figure counts only what the caller may read, so the snapshot an
-- administrator freezes counts everything, and a secretariat previews its region's part.

create function public.pmg_evidence(p_year integer, p_region_code text default null)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  with bounds as (
    select make_date(p_year, 1, 1) as starts, make_date(p_year, 12, 31) as ends,
      private.today_in_chile() as today
  ),
  agreements_of_year as materialized (
    select a.id, a.kind, a.title, a.problem, a.region_code, a.signed_on,
      (select count(*) from public.agreement_parties ap where ap.agreement_id = a.id) as parties
    from public.agreements a cross join bounds b
    where a.signed_on <= b.ends
      and (a.ends_on is null or a.ends_on >= b.starts)
      and (p_region_code is null or a.region_code = p_region_code)
  ),
  articulated as (
    select distinct i.id, i.kind, i.region_code
    from agreements_of_year a
    join public.agreement_parties ap on ap.agreement_id = a.id
    join public.institutions i on i.id = ap.institution_id
  ),
  covered as (
    select distinct cc.commune_code
    from agreements_of_year a
    join public.commitments c on c.agreement_id = a.id
    join public.commitment_communes cc on cc.commitment_id = c.id
  ),
  scheduled as materialized (
    select c.id, c.agreement_id, c.due_on, c.status, c.estimated_cost_clp,
      c.due_on <= b.today and c.status <> 'cancelled' as due,
      c.due_on < b.today and c.status not in ('fulfilled', 'cancelled') as overdue,
      (select min((h.changed_at at time zone 'America/Santiago')::date)
       from public.commitment_progress h
       where h.commitment_id = c.id and h.status = 'fulfilled') as fulfilled_on
    from agreements_of_year a
    join public.commitments c on c.agreement_id = a.id
    cross join bounds b
    where a.parties >= 2 and c.due_on between b.starts and b.ends
  ),
  deliveries as (
    select d.publication_id, d.flow_id, d.delivered, d.delivered_on_time,
      d.recipients_expected, d.recipients_acknowledged
    from public.flow_deliveries d cross join bounds b
    where d.due_on between b.starts and least(b.ends, b.today)
      and (p_region_code is null or d.region_code = p_region_code)
  ),
  figures as (
    select
      (select count(*) from agreements_of_year) as agreements,
      (select count(*) from agreements_of_year where parties >= 2) as formal_agreements,
      (select count(*) from scheduled) as scheduled,
      (select count(*) from scheduled where due) as due,
      (select count(*) from scheduled where due and status = 'fulfilled' and fulfilled_on <= due_on) as on_time,
      (select count(*) from scheduled where overdue) as overdue,
      (select coalesce(sum(estimated_cost_clp), 0) from scheduled where status <> 'cancelled') as cost,
      (select count(*) from covered) as communes_covered,
      (select count(*) from public.communes co
       where p_region_code is null or co.region_code = p_region_code) as communes_total,
      (select count(*) from deliveries) as deliveries_due,
      (select count(*) from deliveries where delivered) as delivered,
      (select count(*) from deliveries where delivered_on_time) as delivered_on_time,
      (select coalesce(sum(recipients_expected), 0) from deliveries where delivered) as receipts_expected,
      (select coalesce(sum(recipients_acknowledged), 0) from deliveries where delivered) as receipts
  )
  select jsonb_build_object(
    'year', p_year,
    'region_code', p_region_code,
    'as_of', now(),
    'today', (select today from bounds),
    '1.1', jsonb_build_object(
      'agreements', f.agreements,
      'regions', (select count(distinct region_code) from agreements_of_year),
      'by_region', coalesce((
        select jsonb_agg(jsonb_build_object('region_code', r.region_code, 'agreements', r.n) order by r.region_code nulls first)
        from (select region_code, count(*) as n from agreements_of_year group by region_code) r), '[]'),
      'problems', coalesce((
        select jsonb_agg(jsonb_build_object('agreement_id', a.id, 'title', a.title, 'problem', a.problem,
          'kind', a.kind, 'region_code', a.region_code, 'signed_on', a.signed_on) order by a.signed_on, a.id)
        from agreements_of_year a), '[]')
    ),
    '1.2', jsonb_build_object(
      'institutions', (select count(*) from articulated),
      'by_kind', coalesce((
        select jsonb_agg(jsonb_build_object('kind', k.kind, 'institutions', k.n) order by k.n desc, k.kind)
        from (select kind, count(*) as n from articulated group by kind) k), '[]'),
      'by_region', coalesce((
        select jsonb_agg(jsonb_build_object('region_code', r.region_code, 'institutions', r.n) order by r.region_code nulls first)
        from (select region_code, count(*) as n from articulated group by region_code) r), '[]'),
      'communes_covered', f.communes_covered,
      'communes_total', f.communes_total,
      'coverage', case when f.communes_total > 0 then round(f.communes_covered::numeric / f.communes_total, 4) end,
      'covered_communes', coalesce((select jsonb_agg(commune_code order by commune_code) from covered), '[]')
    ),
    '1.3', jsonb_build_object(
      'formal_agreements', f.formal_agreements,
      'by_kind', coalesce((
        select jsonb_agg(jsonb_build_object('kind', k.kind, 'agreements', k.n) order by k.kind)
        from (select kind, count(*) as n from agreements_of_year where parties >= 2 group by kind) k), '[]'),
      'commitments_scheduled', f.scheduled,
      'commitments_due', f.due,
      'fulfilled_on_time', f.on_time,
      'on_time_rate', case when f.due > 0 then round(f.on_time::numeric / f.due, 4) end,
      'overdue', f.overdue,
      'overdue_ids', coalesce((select jsonb_agg(id order by due_on, id) from scheduled where overdue), '[]'),
      'estimated_cost_clp', f.cost
    ),
    '2.1', jsonb_build_object(
      'deliveries_due', f.deliveries_due,
      'delivered', f.delivered,
      'delivered_on_time', f.delivered_on_time,
      'punctuality', case when f.deliveries_due > 0 then round(f.delivered_on_time::numeric / f.deliveries_due, 4) end,
      'receipts_expected', f.receipts_expected,
      'receipts', f.receipts,
      'acknowledgement_rate', case when f.receipts_expected > 0 then round(f.receipts::numeric / f.receipts_expected, 4) end,
      'flows', (select count(distinct flow_id) from deliveries)
    )
  )
  from figures f;
$$;

comment on function public.pmg_evidence(integer, text) is
  'Evidencia del PMG de Gestión Territorial de un año y una región (null: el país), calculada de los datos que el usuario puede leer.';

-- Not for anon: it reads flow_deliveries, which anon cannot.
revoke execute on function public.pmg_evidence(integer, text) from public, anon;
grant execute on function public.pmg_evidence(integer, text) to authenticated, service_role;
