-- A representative point of every project, on its geometry and in Web Mercator, stored and
-- indexed: low-zoom map tiles group projects by it without reading or projecting their full
-- geometries (see 20261130005500_project_tiles.sql).

alter table public.projects
  add column anchor_3857 extensions.geometry(Point, 3857)
    generated always as (extensions.st_transform(extensions.st_pointonsurface(geom), 3857)) stored;

comment on column public.projects.anchor_3857 is
  'Punto representativo del proyecto sobre su geometría, en Web Mercator (para los mosaicos de zoom bajo).';

create index projects_anchor_3857_idx on public.projects using gist (anchor_3857);

-- Column grants do not extend to a new column by themselves: whoever may read projects' other
-- columns may read this one.
grant select (anchor_3857) on public.projects to anon, authenticated;
