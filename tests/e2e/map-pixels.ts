import { expect, type Locator, type Page } from '@playwright/test';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

// Turns a place into the page pixel where the live map draws it, from the outside: the map
// publishes its view (centre and zoom, data-map-center / data-map-zoom), the test projects with
// Web Mercator as MapLibre does (512 px tiles, no rotation or tilt: both are disabled) and checks
// the pixel against the area's own polygon from the file the browser loaded. No handle on the
// MapLibre instance is needed, so the app exposes none.

const TILE_SIZE = 512;

interface View {
	lng: number;
	lat: number;
	zoom: number;
	width: number;
	height: number;
	left: number;
	top: number;
}

async function viewOf(map: Locator): Promise<View> {
	const [center, zoom] = await Promise.all([
		map.getAttribute('data-map-center'),
		map.getAttribute('data-map-zoom')
	]);
	const box = await map.locator('canvas').boundingBox();
	if (!center || !zoom || !box) throw new Error('The map has not published its view');
	const [lng, lat] = center.split(',').map(Number);
	return { lng, lat, zoom: Number(zoom), width: box.width, height: box.height, left: box.x, top: box.y };
}

const worldSize = (zoom: number) => TILE_SIZE * 2 ** zoom;
const mercatorX = (lng: number, size: number) => ((lng + 180) / 360) * size;
const mercatorY = (lat: number, size: number) =>
	((180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) * size) / 360;

/** Canvas pixel (from its top left) of a longitude/latitude. */
export function project(view: View, [lng, lat]: [number, number]) {
	const size = worldSize(view.zoom);
	return {
		x: mercatorX(lng, size) - mercatorX(view.lng, size) + view.width / 2,
		y: mercatorY(lat, size) - mercatorY(view.lat, size) + view.height / 2
	};
}

/** Longitude/latitude under a canvas pixel. */
export function unproject(view: View, x: number, y: number): [number, number] {
	const size = worldSize(view.zoom);
	const worldX = mercatorX(view.lng, size) + x - view.width / 2;
	const worldY = mercatorY(view.lat, size) + y - view.height / 2;
	const lng = (worldX / size) * 360 - 180;
	const lat = (360 / Math.PI) * Math.atan(Math.exp(((180 - (worldY * 360) / size) * Math.PI) / 180)) - 90;
	return [lng, lat];
}

type AreaFile = FeatureCollection<Polygon | MultiPolygon | GeoJSON.Point, { code: string; level?: string }>;

async function loadFile(page: Page, url: string): Promise<AreaFile> {
	const response = await page.request.get(url);
	expect(response.ok(), `${url}: HTTP ${response.status()}`).toBe(true);
	return (await response.json()) as AreaFile;
}

/**
 * The page pixel of area `code` in the boundary file `url`: its label point (from the same file,
 * or `labelsUrl`) when that falls well inside the area, else the pixel inside it closest to the
 * label (a label may sit on an island).
 */
export async function pixelOf(page: Page, map: Locator, url: string, code: string, labelsUrl = url) {
	const ofCode = (file: AreaFile) => file.features.filter((feature) => feature.properties.code === code);
	const area = ofCode(await loadFile(page, url)).find(
		(feature): feature is Feature<Polygon | MultiPolygon, { code: string }> =>
			feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon'
	);
	if (!area) throw new Error(`${url}: no polygon for ${code}`);
	const label = ofCode(await loadFile(page, labelsUrl)).find(
		(feature) => feature.geometry.type === 'Point'
	);
	if (!label) throw new Error(`${labelsUrl}: no label point for ${code}`);
	const labelPoint = label.geometry as GeoJSON.Point;

	const view = await viewOf(map);
	const hits = (x: number, y: number) => booleanPointInPolygon(unproject(view, x, y), area);
	// The mouse lands on whole pixels: keep off the very edge of the area.
	const inside = (x: number, y: number) =>
		hits(x, y) && hits(x - 3, y) && hits(x + 3, y) && hits(x, y - 3) && hits(x, y + 3);
	const target = project(view, labelPoint.coordinates as [number, number]);
	let best: { x: number; y: number; distance: number } | null = null;
	if (inside(target.x, target.y)) best = { ...target, distance: 0 };
	else {
		for (let y = 4; y < view.height; y += 4) {
			for (let x = 4; x < view.width; x += 4) {
				const distance = Math.hypot(x - target.x, y - target.y);
				if ((!best || distance < best.distance) && inside(x, y)) best = { x, y, distance };
			}
		}
	}
	if (!best) throw new Error(`${code} is not in view on the map`);
	return { x: view.left + best.x, y: view.top + best.y };
}

/** The map once it is ready, scrolled into the viewport (dashboards put it under filters and cards). */
export async function waitForMap(page: Page): Promise<Locator> {
	const map = page.getByTestId('map');
	await expect(map).toHaveAttribute('data-map-ready', 'true', { timeout: 30_000 });
	await map.scrollIntoViewIfNeeded();
	return map;
}
