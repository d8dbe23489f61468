-- What a project's source said about where it is, beside where its geometry puts it. Imported rows
-- (issue 11) often name a comuna; when they have no geometry they are placed on that comuna and
-- must say so, and when they do have one, a geometry far from the declared comuna is a data-quality
-- flag. Both facts belong to the row, so the importer and the quality checks share these columns.
alter table public.projects
  add column declared_commune_code text references public.communes (code),
  add column located_by_commune boolean not null default false;

comment on column public.projects.declared_commune_code is
  'The comuna the source declared for the project (CUT code), whatever its geometry says; null when the source named none.';
comment on column public.projects.located_by_commune is
  'True when the source had no geometry and the project was placed on its declared comuna (a stand-in, not its real location).';

alter table public.projects
  add constraint projects_located_by_commune_has_commune
  check (not located_by_commune or declared_commune_code is not null);

create index projects_declared_commune_code_idx on public.projects (declared_commune_code);
