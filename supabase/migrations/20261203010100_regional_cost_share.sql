-- The part of a national commitment's estimated cost that falls to one region: the rule the
-- agreements workspace already applies (`costByRegion`, src/lib/agreements/costs.ts; docs/DATA.md,
-- "A region's costs and cronograma"), here for the PMG evidence computed in the database:
-- in proportion to how many of its comunas lie in each region (the first two digits of the CUT
-- code), in whole pesos by the largest remainder, ties to the lower region code, so the regions'
-- parts add up to the whole. Remainders are compared as exact integers (cost·n mod total), which
-- orders them as the fractions they stand for.
--
-- Null when the cost is null; 0 when none of the comunas lies in the region (or there are none).

create function private.regional_cost_share(p_cost bigint, p_commune_codes text[], p_region_code text)
returns bigint
language sql
immutable
set search_path = ''
as $$
  with counts as (
    select left(code, 2) as region_code, count(*)::numeric as n
    from (select distinct unnest(p_commune_codes) as code) c
    group by 1
  ),
  parts as (
    select c.region_code,
      div(p_cost::numeric * c.n, t.total) as whole,
      mod(p_cost::numeric * c.n, t.total) as remainder
    from counts c cross join (select sum(n) as total from counts) t
  ),
  ranked as (
    select region_code, whole,
      row_number() over (order by remainder desc, region_code) as place,
      p_cost - sum(whole) over () as leftover
    from parts
  )
  select case
    when p_cost is null then null
    else coalesce((
      select (whole + case when place <= leftover then 1 else 0 end)::bigint
      from ranked where region_code = p_region_code), 0)
  end;
$$;

comment on function private.regional_cost_share(bigint, text[], text) is
  'Parte del costo estimado de un compromiso nacional que corresponde a una región: proporcional a sus comunas en ella, en pesos enteros por el mayor resto.';

revoke execute on function private.regional_cost_share(bigint, text[], text) from public, anon;
grant execute on function private.regional_cost_share(bigint, text[], text) to authenticated, service_role;
