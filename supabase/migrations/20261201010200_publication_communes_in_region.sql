-- A regional publication speaks of comunas of its own region (issue 9 §1; the integrity rule of
-- 20261130001400: references stay inside the caller's scope). A national publication (region_code
-- null) may name any comuna. Projects and commitments are public and may cross regions (a road
-- between two regions), so their links are not narrowed.
--
-- Refusal: 23503, constraint publication_communes_in_region.
-- Security invoker; it only judges publications the caller may edit (which it can read).

create function private.check_publication_commune_in_region()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Like the other integrity rules, it binds the API roles; and a caller who may not edit the
  -- publication is left to RLS, whose refusal says less.
  if not private.is_api_request() or not private.can_edit_publication(new.publication_id) then
    return new;
  end if;
  if not exists (
    select 1
    from public.publications p
    join public.communes c on c.code = new.commune_code
    where p.id = new.publication_id
      and (p.region_code is null or p.region_code = c.region_code)
  ) then
    raise exception using
      errcode = 'foreign_key_violation',
      message = 'Una publicación regional solo se vincula con comunas de su región.',
      detail = 'violates constraint "publication_communes_in_region"',
      constraint = 'publication_communes_in_region';
  end if;
  return new;
end;
$$;

create trigger publication_communes_in_region before insert or update on public.publication_communes
  for each row execute function private.check_publication_commune_in_region();
