-- Regions listed north to south, as people in Chile read them. CUT codes do not give that order
-- (Arica y Parinacota, Los Ríos and Ñuble were split off later and numbered 15, 14 and 16), so the
-- position comes from the project's code list (data/territory/regions.csv) with the territory load.
alter table public.regions
  add column north_to_south smallint unique check (north_to_south between 1 and 16);

comment on column public.regions.north_to_south is
  'Position from north (1, Arica y Parinacota) to south (16, Magallanes); loaded from the code list.';
