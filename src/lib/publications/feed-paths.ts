/** The feed paths of a region's or comuna's page (`/region/05` → `/region/05/publicaciones.rss` and `.atom`). */
export function feedPaths(path: string): { rss: string; atom: string } {
	return { rss: `${path}/publicaciones.rss`, atom: `${path}/publicaciones.atom` };
}
