-- The PMG evidence (20261201040100_pmg_evidence.sql) gains two things (docs/DATA.md, "Evidencia PMG"):
--
-- 1. National agreements count in the regions they lie in. A national agreement (region_code
--    null) lies in every region where one of its comunas does — the comunas it lists
--    (agreement_communes) and those its commitments concern (commitment_communes), as the
--    coverage of 1.2 already reads them. In a region's part it counts in 1.1, 1.2 and 1.3 like
--    the region's own; of its commitments, 1.3 counts those concerning a comuna of the region,
--    and of their estimated cost the region's part (private.regional_cost_share, the agreements
--    workspace's rule). The country's part counts each agreement and commitment once, whole.
--    Comunas covered (1.2) are those of the part's scope only.
--
-- 2. Each area carries its figures per place (`places`), for the executive report's maps: per
--    comuna of the region in a region's part, per region in the country's part.
--      1.1  agreements of the year that lie there (regional agreements: their region; any
--           agreement: the comunas it lists or its commitments concern);
--      1.2  (unchanged: covered_communes);
--      1.3  the scheduled commitments of formal agreements that concern it (a commitment
--           concerns its comunas; in the country's part also the region of its regional
--           agreement): scheduled, due, fulfilled on time, overdue;
--      2.1  the region's periods due that each comuna's municipality receives (flow recipients
--           of kind municipality): due, delivered on time, and that municipality's receipts of
--           the delivered ones; in the country's part, each region's own flows' periods.
--    Only places with something to show are listed. Freezing a final evaluation keeps them, so a
--    later data change does not redraw a final report's maps.

create or replace function public.pmg_evidence(p_year integer, p_region_code text default null)
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
  scope_communes as materialized (
    select co.code from public.communes co
    where p_region_code is null or co.region_code = p_region_code
  ),
  year_agreements as materialized (
    select a.id, a.kind, a.title, a.problem, a.region_code, a.signed_on,
      (select count(*) from public.agreement_parties ap where ap.agreement_id = a.id) as parties
    from public.agreements a cross join bounds b
    where a.signed_on <= b.ends
      and (a.ends_on is null or a.ends_on >= b.starts)
  ),
  -- The comunas an agreement lies in: those it lists and those its commitments concern.
  agreement_places as materialized (
    select ac.agreement_id, ac.commune_code
    from year_agreements a join public.agreement_communes ac on ac.agreement_id = a.id
    union
    select c.agreement_id, cc.commune_code
    from year_agreements a
    join public.commitments c on c.agreement_id = a.id
    join public.commitment_communes cc on cc.commitment_id = c.id
  ),
  -- The regions it articulates: a regional agreement its own, a national one those of its comunas.
  agreement_regions as materialized (
    select a.id as agreement_id, a.region_code from year_agreements a where a.region_code is not null
    union
    select p.agreement_id, left(p.commune_code, 2)
    from agreement_places p join year_agreements a on a.id = p.agreement_id
    where a.region_code is null
  ),
  agreements_of_year as materialized (
    select a.* from year_agreements a
    where p_region_code is null
      or exists (select 1 from agreement_regions r where r.agreement_id = a.id and r.region_code = p_region_code)
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
    join scope_communes s on s.code = cc.commune_code
  ),
  scheduled_all as materialized (
    select c.id, c.agreement_id, a.region_code as agreement_region, c.due_on, c.status, c.estimated_cost_clp,
      coalesce((select array_agg(cc.commune_code order by cc.commune_code)
                from public.commitment_communes cc where cc.commitment_id = c.id), '{}') as communes,
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
  -- In a region's part, a national agreement's commitments count where their comunas are, and
  -- only the region's part of their cost.
  scheduled as materialized (
    select s.*, s.due and s.status = 'fulfilled' and s.fulfilled_on <= s.due_on as on_time,
      case when p_region_code is null or s.agreement_region is not null then s.estimated_cost_clp
           else private.regional_cost_share(s.estimated_cost_clp, s.communes, p_region_code) end as cost
    from scheduled_all s
    where p_region_code is null or s.agreement_region is not null
      or exists (select 1 from unnest(s.communes) code where left(code, 2) = p_region_code)
  ),
  -- The places a scheduled commitment concerns on the part's map.
  scheduled_places as (
    select distinct s.id, place
    from scheduled s
    cross join lateral (
      select code as place from unnest(s.communes) code
      where p_region_code is not null and left(code, 2) = p_region_code
      union
      select left(code, 2) from unnest(s.communes) code where p_region_code is null
      union
      select s.agreement_region where p_region_code is null and s.agreement_region is not null
    ) places
  ),
  deliveries as (
    select d.publication_id, d.flow_id, d.region_code, d.delivered, d.delivered_on_time,
      d.recipients_expected, d.recipients_acknowledged
    from public.flow_deliveries d cross join bounds b
    where d.due_on between b.starts and least(b.ends, b.today)
      and (p_region_code is null or d.region_code = p_region_code)
  ),
  -- The municipalities among each delivery's recipients, with whether they acknowledged it.
  municipal_deliveries as (
    select i.commune_code, d.publication_id, d.delivered, d.delivered_on_time,
      exists (select 1 from public.acknowledgements ak
              where ak.publication_id = d.publication_id and ak.institution_id = i.id) as acknowledged
    from deliveries d
    join public.information_flow_recipients r on r.flow_id = d.flow_id
    join public.institutions i on i.id = r.institution_id
    where p_region_code is not null and i.kind = 'municipality' and i.commune_code is not null
  ),
  delivery_places as (
    select commune_code as place, count(*) as due,
      count(*) filter (where delivered_on_time) as on_time,
      count(*) filter (where delivered) as delivered,
      count(*) filter (where delivered and acknowledged) as receipts
    from municipal_deliveries group by commune_code
    union all
    select region_code, count(*), count(*) filter (where delivered_on_time),
      count(*) filter (where delivered), null
    from deliveries where p_region_code is null and region_code is not null group by region_code
  ),
  figures as (
    select
      (select count(*) from agreements_of_year) as agreements,
      (select count(*) from agreements_of_year where parties >= 2) as formal_agreements,
      (select count(*) from scheduled) as scheduled,
      (select count(*) from scheduled where due) as due,
      (select count(*) from scheduled where on_time) as on_time,
      (select count(*) from scheduled where overdue) as overdue,
      (select coalesce(sum(cost), 0) from scheduled where status <> 'cancelled') as cost,
      (select count(*) from covered) as communes_covered,
      (select count(*) from scope_communes) as communes_total,
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
      'regions', (select count(distinct r.region_code) from agreement_regions r
                  join agreements_of_year a on a.id = r.agreement_id
                  where p_region_code is null or r.region_code = p_region_code),
      -- National agreements with no comuna yet lie in no region: under null.
      'by_region', coalesce((
        select jsonb_agg(jsonb_build_object('region_code', x.region_code, 'agreements', x.n) order by x.region_code nulls first)
        from (select r.region_code, count(*) as n
              from agreements_of_year a left join agreement_regions r on r.agreement_id = a.id
              where p_region_code is null or r.region_code = p_region_code
              group by r.region_code) x), '[]'),
      'problems', coalesce((
        select jsonb_agg(jsonb_build_object('agreement_id', a.id, 'title', a.title, 'problem', a.problem,
          'kind', a.kind, 'region_code', a.region_code, 'signed_on', a.signed_on) order by a.signed_on, a.id)
        from agreements_of_year a), '[]'),
      'places', coalesce((
        select jsonb_agg(jsonb_build_object('code', x.place, 'agreements', x.n) order by x.place)
        from (
          select p.commune_code as place, count(distinct p.agreement_id) as n
          from agreement_places p
          join agreements_of_year a on a.id = p.agreement_id
          join scope_communes s on s.code = p.commune_code
          where p_region_code is not null
          group by p.commune_code
          union all
          select r.region_code, count(*)
          from agreement_regions r join agreements_of_year a on a.id = r.agreement_id
          where p_region_code is null
          group by r.region_code
        ) x), '[]')
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
      'estimated_cost_clp', f.cost,
      'places', coalesce((
        select jsonb_agg(jsonb_build_object('code', x.place, 'scheduled', x.scheduled, 'due', x.due,
          'on_time', x.on_time, 'overdue', x.overdue,
          'on_time_rate', case when x.due > 0 then round(x.on_time::numeric / x.due, 4) end) order by x.place)
        from (
          select sp.place, count(*) as scheduled, count(*) filter (where s.due) as due,
            count(*) filter (where s.on_time) as on_time, count(*) filter (where s.overdue) as overdue
          from scheduled_places sp join scheduled s on s.id = sp.id
          group by sp.place
        ) x), '[]')
    ),
    '2.1', jsonb_build_object(
      'deliveries_due', f.deliveries_due,
      'delivered', f.delivered,
      'delivered_on_time', f.delivered_on_time,
      'punctuality', case when f.deliveries_due > 0 then round(f.delivered_on_time::numeric / f.deliveries_due, 4) end,
      'receipts_expected', f.receipts_expected,
      'receipts', f.receipts,
      'acknowledgement_rate', case when f.receipts_expected > 0 then round(f.receipts::numeric / f.receipts_expected, 4) end,
      'flows', (select count(distinct flow_id) from deliveries),
      'places', coalesce((
        select jsonb_agg(jsonb_build_object('code', x.place, 'due', x.due, 'on_time', x.on_time,
          'punctuality', round(x.on_time::numeric / x.due, 4), 'delivered', x.delivered, 'receipts', x.receipts)
          order by x.place)
        from delivery_places x), '[]')
    )
  )
  from figures f;
$$;
