// The coverage's public shapes: what goes in, what comes out, and the figures of a build.
import type { AreaGeometry } from '../validate.ts';

export interface CoverageParticipant {
	key: string;
	geometry: AreaGeometry;
	/** A participant that keeps only what no other participant claims, and never takes gaps. */
	yields?: boolean;
}

export type MultiPolygonCoordinates = number[][][][];

export interface FaceSummary {
	km2: number;
	at: [number, number];
	owner: string;
}

export interface CoverageStats {
	vertices: number;
	edges: number;
	faces: number;
	crossings: number;
	overlapFaces: number;
	overlapKm2: number;
	gapFaces: number;
	gapKm2: number;
	largestGaps: FaceSummary[];
	holesKept: number;
	/** Detached crumbs given to the neighbour enclosing them. */
	fragmentsAbsorbed: number;
	fragmentsKm2: number;
	/** Area claimed by a yielding participant and by another one, given to the other. */
	yieldedKm2: number;
	/** Cut lines that split gaps between the neighbours around them. */
	gapChords: number;
	/** Spike tips cut off (see spikes.ts) and given to the neighbour along them. */
	spikesCut: number;
	/** Noding and assignment passes this took. */
	passes: number;
}

export interface CoverageResult {
	areas: Map<string, MultiPolygonCoordinates>;
	stats: CoverageStats;
}
