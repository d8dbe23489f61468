import { generateAgreements, type AgreementsResult } from './agreements.ts';
import { DEFAULT_ANCHOR, parseIsoDate } from './dates.ts';
import { generateFlows, type FlowsResult } from './flows.ts';
import { institutionCatalogue, type SampleInstitution } from './institutions.ts';
import { generatePmg, type SamplePmgEvaluation } from './pmg.ts';
import { generateProgress, type SampleProjectProgress } from './progress.ts';
import { generateProjects, type ProjectsResult } from './projects.ts';
import { createRandom } from './random.ts';
import type { SampleTerritory } from './territory.ts';
import { sampleUsers, type SampleUser } from './users.ts';

/** What `npm run data:sample` loads when given no options, and what the stack loads on first start. */
export const DEFAULT_PROJECTS = 3000;
export const DEFAULT_SEED = '1';
export const MIN_PROJECTS = 16;
export const MAX_PROJECTS = 1_000_000;

export interface SampleOptions {
	projects: number;
	seed: string | number;
	/** "Today" for the sample: ISO date; DEFAULT_ANCHOR unless given. */
	anchor?: string;
}

export interface SampleData extends ProjectsResult, AgreementsResult, FlowsResult {
	anchor: string;
	institutions: SampleInstitution[];
	users: SampleUser[];
	pmg: SamplePmgEvaluation[];
	projectProgress: SampleProjectProgress[];
}

export function validateSampleOptions(options: SampleOptions): string[] {
	const problems: string[] = [];
	if (
		!Number.isInteger(options.projects) ||
		options.projects < MIN_PROJECTS ||
		options.projects > MAX_PROJECTS
	) {
		problems.push(
			`--projects debe ser un entero entre ${MIN_PROJECTS} (uno por región) y ${MAX_PROJECTS}; se recibió ${options.projects}.`
		);
	}
	if (String(options.seed).trim() === '') problems.push('--seed no puede estar vacío.');
	if (options.anchor !== undefined) {
		try {
			parseIsoDate(options.anchor);
		} catch {
			problems.push(`--anchor debe ser una fecha AAAA-MM-DD; se recibió ${options.anchor}.`);
		}
	}
	return problems;
}

/**
 * The whole sample as rows, from the territory and the options alone: the same inputs always give
 * the same rows. Parts draw from separate streams, so more projects do not reshuffle the PMG.
 */
export function generateSample(territory: SampleTerritory, options: SampleOptions): SampleData {
	const problems = validateSampleOptions(options);
	if (problems.length) throw new Error(problems.join('\n'));
	const anchor = options.anchor ?? DEFAULT_ANCHOR;
	const random = createRandom(String(options.seed));
	const projects = generateProjects(territory, options.projects, random.fork('projects'), anchor);
	const agreements = generateAgreements(
		territory,
		projects.projects,
		options.projects,
		random.fork('agreements'),
		anchor
	);
	const flows = generateFlows(
		territory,
		projects.projects,
		agreements.agreements,
		agreements.commitments,
		options.projects,
		random.fork('flows'),
		anchor
	);
	return {
		anchor,
		institutions: institutionCatalogue(territory),
		users: sampleUsers(territory),
		...projects,
		...agreements,
		...flows,
		pmg: generatePmg(territory, random.fork('pmg'), anchor),
		projectProgress: generateProgress(projects.projects, random.fork('progress'), anchor)
	};
}
