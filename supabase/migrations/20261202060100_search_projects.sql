-- The project picker's search (the agreements workspace and the publishing desk): projects whose
-- name contains every word typed, ignoring case and accents ("concepcion puente" finds "Puente
-- Concepción…"), or whose BIP code starts with the text; optionally only projects touching a region,
-- which is what a commitment of a regional agreement may link (the trigger
-- commitment_projects_in_territory refuses the rest whatever the client sends).
--
-- Security invoker: projects are public, RLS on projects still applies. The first (longest) word is
-- matched alone as well so the trigram index on search_key(name) narrows the rows before every
-- word is checked. A BIP code is digits (a dash and check digit at most), so only such text is
-- matched against it. At most 50 rows; exact BIP code first, then by name.
create function public.search_projects(q text, p_region text default null, max_rows integer default 20)
returns table (id bigint, name text, bip_code text, communes text)
language sql
stable
security invoker
set search_path = ''
as $$
  with typed as (
    select trim(coalesce(q, '')) as text
  ),
  words as (
    select array(
      select w from unnest(regexp_split_to_array(private.search_key((select text from typed)), '[^[:alnum:]]+')) w
      where w <> ''
      order by length(w) desc
      limit 8
    ) as list
  )
  select p.id, p.name, p.bip_code,
    (select string_agg(c.name, ', ' order by pc.share desc, c.name)
     from public.project_communes pc join public.communes c on c.code = pc.commune_code
     where pc.project_id = p.id) as communes
  from public.projects p, typed, words
  where length(typed.text) >= 2
    and (
      (typed.text ~ '^[0-9][0-9kK-]*$' and p.bip_code like typed.text || '%')
      or (cardinality(words.list) > 0
          and private.search_key(p.name) like '%' || words.list[1] || '%'
          and private.search_key(p.name) like all (select '%' || w || '%' from unnest(words.list) w))
    )
    and (p_region is null or exists (
      select 1 from public.project_communes pc where pc.project_id = p.id and pc.region_code = p_region
    ))
  order by (p.bip_code = typed.text) desc, p.name, p.id
  limit least(greatest(coalesce(max_rows, 20), 1), 50);
$$;

revoke execute on function public.search_projects(text, text, integer) from public;
grant execute on function public.search_projects(text, text, integer) to anon, authenticated, service_role;
