-- Seed data applied after migrations by `supabase db reset` and by the local stack on a new cluster.
-- The territory (regions, provinces, communes) is not here: it is built from the boundary source by
-- `npm run data` and loaded by the data pipeline, since it is derived from an external file.
select 1;
