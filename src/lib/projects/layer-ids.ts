/** Ids of the project map's source and layers, shared by the component and the browser tests. */
export const PROJECT_SOURCE = 'projects';

/** Source layers of `public.project_tile` (see its migration). */
export const PROJECT_SOURCE_LAYERS = { projects: 'projects', cells: 'project_cells' } as const;

/** From this zoom tiles carry every project's geometry; below it, grid cells of counts. */
export const PROJECT_TILE_MIN_DETAIL_ZOOM = 10;

export const PROJECT_LAYERS = {
	cells: 'project-cells',
	polygons: 'project-polygons',
	lines: 'project-lines',
	points: 'project-points'
} as const;

/** The layers whose features are single projects (clickable). */
export const PROJECT_FEATURE_LAYERS = [PROJECT_LAYERS.polygons, PROJECT_LAYERS.lines, PROJECT_LAYERS.points];
