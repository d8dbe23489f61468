import { addDays, daysBetween, maxDate, minDate, officeTimestamp, yearOf } from './dates.ts';
import { institutionKey, REGIONAL_MOP_DIRECTIONS } from './institutions.ts';
import type { SampleProject, ThemeCode } from './projects.ts';
import { THEMES } from './projects.ts';
import { weightedPicker, type Random } from './random.ts';
import type { SampleCommune, SampleTerritory } from './territory.ts';
import {
	LOCALITIES,
	ofWater,
	REGION_VOCABULARY,
	regionalGovernmentName,
	regionLabel,
	theWater
} from './texts.ts';
import { userKey } from './users.ts';
import type { AgreementKind, CommitmentStatus, PartyRole } from './enums.ts';

/**
 * Agreements (convenios, protocolos de acuerdo, mesas de trabajo) between real institutions, the
 * commitments made under them across the four themes, and each commitment's progress history.
 * Some commitments are overdue at the anchor date (due, and neither fulfilled nor cancelled).
 */

export interface SampleAgreement {
	id: number;
	kind: AgreementKind;
	title: string;
	problem: string;
	signed_on: string;
	ends_on: string | null;
	region_code: string | null;
	created_at: string;
}
export interface SampleParty {
	agreement_id: number;
	institution: string;
	role: PartyRole;
}
export interface SampleCommitment {
	id: number;
	agreement_id: number;
	title: string;
	responsible: string;
	theme_code: ThemeCode;
	due_on: string;
	status: CommitmentStatus;
	progress: number;
	estimated_cost_clp: number | null;
	created_at: string;
	updated_at: string;
}
export interface SampleProgress {
	commitment_id: number;
	progress: number;
	status: CommitmentStatus;
	note: string | null;
	changed_by: string | null;
	changed_at: string;
}
export interface AgreementsResult {
	agreements: SampleAgreement[];
	parties: SampleParty[];
	commitments: SampleCommitment[];
	commitmentCommunes: { commitment_id: number; commune_code: string }[];
	commitmentProjects: { commitment_id: number; project_id: number }[];
	progress: SampleProgress[];
}

interface Focus {
	key: string;
	theme: ThemeCode;
	/** What the agreement is for: "para …". */
	purpose: string;
	/** A mesa's name: "Mesa de trabajo …". */
	table: string;
	direction: (typeof REGIONAL_MOP_DIRECTIONS)[number]['key'];
	seremi: 'seremi_mma' | 'seremi_salud' | 'seremi_minvu' | 'seremi_mdsf';
	problem: (place: string, water: string, r: Random) => string;
	needsCoast?: boolean;
}

const FOCUSES: readonly Focus[] = [
	{
		key: 'conectividad',
		theme: 'territorio',
		purpose: 'la conectividad rural',
		table: 'de conectividad rural',
		direction: 'dv',
		seremi: 'seremi_mdsf',
		problem: (place) =>
			`Localidades rurales de ${place} quedan aisladas en invierno por caminos de ripio en mal estado y puentes de madera con restricción de carga.`
	},
	{
		key: 'agua',
		theme: 'territorio',
		purpose: 'la seguridad hídrica de las localidades rurales',
		table: 'por el agua',
		direction: 'ssr',
		seremi: 'seremi_salud',
		problem: (place, _w, r) =>
			`Sequía prolongada: ${r.int(80, 1200)} familias de ${place} se abastecen con camiones aljibe y los sistemas de agua potable rural no dan abasto en verano.`
	},
	{
		key: 'riesgo',
		theme: 'prevencion_riesgos_salud_ocupacional',
		purpose: 'la prevención de inundaciones y aluviones',
		table: 'de gestión del riesgo de desastres',
		direction: 'doh',
		seremi: 'seremi_minvu',
		problem: (place, water) =>
			`Desbordes recurrentes ${ofWater(water)} y activación de quebradas afectan viviendas, caminos y terrenos agrícolas de ${place}.`
	},
	{
		key: 'borde_costero',
		theme: 'medio_ambiente',
		purpose: 'la recuperación del borde costero',
		table: 'del borde costero',
		direction: 'dop',
		seremi: 'seremi_mma',
		needsCoast: true,
		problem: (place) =>
			`Infraestructura portuaria menor deteriorada por marejadas y conflictos de uso entre pesca artesanal, turismo y vecinos en ${place}.`
	},
	{
		key: 'patrimonio',
		theme: 'participacion_ciudadana',
		purpose: 'la recuperación del patrimonio construido',
		table: 'de patrimonio e infraestructura pública',
		direction: 'da',
		seremi: 'seremi_minvu',
		problem: (place) =>
			`Inmuebles patrimoniales de ${place} dañados por sismos permanecen cerrados sin financiamiento para su restauración.`
	},
	{
		key: 'seguridad',
		theme: 'prevencion_riesgos_salud_ocupacional',
		purpose: 'la seguridad y salud en las faenas de obras públicas',
		table: 'de seguridad laboral en obras',
		direction: 'dv',
		seremi: 'seremi_salud',
		problem: (place) =>
			`Aumento de accidentes en faenas de conservación vial y obras en ejecución en ${place}, con subcontratistas sin programas de prevención de riesgos.`
	},
	{
		key: 'ambiente',
		theme: 'medio_ambiente',
		purpose: 'la gestión ambiental de las obras en ejecución',
		table: 'socioambiental',
		direction: 'doh',
		seremi: 'seremi_mma',
		problem: (place, water) =>
			`Reclamos de la comunidad de ${place} por polvo, ruido y extracción de áridos asociados a obras públicas en ${theWater(water)}.`
	}
];

/** Commitment titles per theme; `p` is a project of the region, `c` a comuna, `w` a river. */
const COMMITMENTS: Record<
	ThemeCode,
	readonly ((x: { p: string; c: string; w: string; l: string }) => string)[]
> = {
	medio_ambiente: [
		(x) => `Ingresar al SEIA la declaración de impacto ambiental del proyecto «${x.p}»`,
		(x) => `Implementar plan de reforestación con especies nativas en ${x.c}`,
		(x) => `Monitorear trimestralmente la calidad del agua ${ofWater(x.w)}`,
		(x) => `Aprobar plan de manejo de residuos de construcción de las obras en ${x.c}`,
		(x) => `Restituir la cubierta vegetal de los botaderos del sector ${x.l}`
	],
	territorio: [
		(x) => `Incorporar la cartera MOP de ${x.c} al plan regional de ordenamiento territorial`,
		(x) => `Entregar el catastro de caminos no enrolados de ${x.c}`,
		(x) => `Acordar con la municipalidad de ${x.c} la faja fiscal del proyecto «${x.p}»`,
		(x) => `Actualizar el diagnóstico de brechas de conectividad del sector ${x.l}`,
		(x) => `Priorizar en el anteproyecto regional de inversiones el proyecto «${x.p}»`
	],
	participacion_ciudadana: [
		(x) => `Realizar tres talleres de participación con vecinos del sector ${x.l}, ${x.c}`,
		(x) => `Constituir un comité de seguimiento con dirigentes de ${x.c}`,
		(x) => `Publicar en el portal regional el avance trimestral del proyecto «${x.p}»`,
		(x) => `Presentar el diseño del proyecto «${x.p}» al concejo municipal de ${x.c}`,
		(x) => `Responder por escrito las observaciones ciudadanas recibidas en ${x.c}`
	],
	prevencion_riesgos_salud_ocupacional: [
		(x) => `Auditar los programas de prevención de riesgos de los contratistas del proyecto «${x.p}»`,
		(x) => `Capacitar a las cuadrillas de conservación de ${x.c} en señalización de faenas`,
		(x) => `Implementar protocolo de exposición a radiación UV en las obras de ${x.c}`,
		(x) => `Informar mensualmente la tasa de accidentabilidad de las obras en ${x.c}`,
		(x) => `Elaborar plan de emergencia ante crecidas ${ofWater(x.w)} para las faenas en ejecución`
	]
};

const PROGRESS_NOTES = [
	'Se elaboran los términos de referencia.',
	'Avance informado en la sesión mensual del Consejo Regional MOP.',
	'Se adjudica la consultoría de apoyo.',
	'Se realizan reuniones de coordinación con la comunidad.',
	'Se remite oficio con antecedentes al gobierno regional.',
	'Avance verificado en visita a terreno.',
	'Se entrega informe de avance a las partes del acuerdo.'
];

const NATIONAL_AGREEMENTS = [
	{
		kind: 'memorandum_of_understanding' as const,
		theme: 'prevencion_riesgos_salud_ocupacional' as ThemeCode,
		title: 'Protocolo de acuerdo DGOP – Dirección del Trabajo para la seguridad y salud en las faenas de obras públicas',
		problem:
			'La accidentabilidad en contratos MOP supera el promedio de la construcción y la fiscalización de subcontratistas es dispar entre regiones.',
		parties: [
			['dgop', 'signatory'],
			['dt', 'signatory'],
			['minsal', 'collaborator']
		] as const
	},
	{
		kind: 'cooperation_agreement' as const,
		theme: 'territorio' as ThemeCode,
		title: 'Convenio MOP – SUBDERE para la planificación territorial de la inversión en infraestructura',
		problem:
			'La inversión sectorial y la regional se programan por separado, con duplicidades y brechas en localidades aisladas.',
		parties: [
			['mop', 'signatory'],
			['subdere', 'signatory'],
			['dirplan', 'implementer'],
			['dgop', 'coordinator']
		] as const
	},
	{
		kind: 'cooperation_agreement' as const,
		theme: 'medio_ambiente' as ThemeCode,
		title: 'Convenio MOP – Ministerio del Medio Ambiente para la evaluación ambiental temprana de la cartera',
		problem:
			'Proyectos de infraestructura llegan al sistema de evaluación ambiental con diseños ya cerrados y sin línea de base suficiente.',
		parties: [
			['mop', 'signatory'],
			['mma', 'signatory'],
			['sea', 'collaborator'],
			['dgop', 'coordinator']
		] as const
	},
	{
		kind: 'working_group' as const,
		theme: 'participacion_ciudadana' as ThemeCode,
		title: 'Mesa nacional de participación ciudadana en obras públicas',
		problem:
			'La participación en los proyectos se concentra al final del diseño y no llega a las comunidades rurales ni a los pueblos originarios.',
		parties: [
			['dgop', 'coordinator'],
			['mdsf', 'collaborator'],
			['subsecop', 'signatory']
		] as const
	},
	{
		kind: 'working_group' as const,
		theme: 'territorio' as ThemeCode,
		title: 'Mesa interministerial de agua potable rural',
		problem:
			'Comités de agua potable rural sin asistencia técnica suficiente y fuentes agotadas por la sequía.',
		parties: [
			['ssr', 'coordinator'],
			['dga', 'collaborator'],
			['mdsf', 'collaborator'],
			['minsal', 'collaborator']
		] as const
	}
];

interface RegionIndex {
	communes: SampleCommune[];
	coastal: SampleCommune[];
	projects: SampleProject[];
	/** Projects a regional government may fund by mandate: concessions are financed by their concessionaire. */
	mandatable: SampleProject[];
	provinces: { code: string; name: string }[];
}

function commitmentStatus(
	r: Random,
	due: string,
	anchor: string
): { status: CommitmentStatus; progress: number } {
	if (due < anchor) {
		// Past due: most fulfilled; the rest overdue (still pending or under way) or cancelled.
		const roll = r.next();
		if (roll < 0.62) return { status: 'fulfilled', progress: 100 };
		if (roll < 0.8) return { status: 'in_progress', progress: r.int(5, 95) };
		if (roll < 0.9) return { status: 'pending', progress: 0 };
		return { status: 'cancelled', progress: r.int(0, 60) };
	}
	const roll = r.next();
	if (roll < 0.4) return { status: 'pending', progress: 0 };
	if (roll < 0.9) return { status: 'in_progress', progress: r.int(5, 95) };
	if (roll < 0.97) return { status: 'fulfilled', progress: 100 };
	return { status: 'cancelled', progress: r.int(0, 40) };
}

/** The commitment's history: registered, then a few reports, ending in its current state. */
function progressHistory(
	r: Random,
	commitment: SampleCommitment,
	registered: string,
	anchor: string,
	author: string | null
): SampleProgress[] {
	const rows: SampleProgress[] = [];
	const push = (
		day: string,
		progress: number,
		status: CommitmentStatus,
		note: string | null,
		order: number
	) =>
		rows.push({
			commitment_id: commitment.id,
			progress,
			status,
			note,
			changed_by: author,
			changed_at: officeTimestamp(day, order * 37 + r.int(0, 30))
		});
	push(registered, 0, 'pending', 'Compromiso registrado en el acta de constitución.', 0);
	if (commitment.status === 'pending') return rows;

	const last =
		commitment.status === 'fulfilled'
			? maxDate(registered, minDate(addDays(anchor, -1), addDays(commitment.due_on, r.int(-60, 30))))
			: maxDate(registered, addDays(anchor, -r.int(1, 90)));
	const span = Math.max(0, daysBetween(registered, last));
	const steps = commitment.status === 'cancelled' ? r.int(0, 1) : r.int(1, 3);
	const days = Array.from({ length: steps }, () => r.int(0, span)).sort((a, b) => a - b);
	const finalProgress = commitment.progress;
	let progress = 0;
	days.forEach((offset, i) => {
		const ceiling = commitment.status === 'fulfilled' ? 95 : Math.max(finalProgress - 1, 0);
		progress = Math.min(
			ceiling,
			progress + Math.max(1, Math.round((ceiling - progress) * r.float(0.2, 0.6)))
		);
		if (progress <= 0 || progress >= 100) return;
		push(addDays(registered, offset), progress, 'in_progress', r.pick(PROGRESS_NOTES), i + 1);
	});
	const finalNote =
		commitment.status === 'fulfilled'
			? 'Se da por cumplido con el informe final aprobado por las partes.'
			: commitment.status === 'cancelled'
				? 'Se deja sin efecto por acuerdo de las partes.'
				: r.pick(PROGRESS_NOTES);
	push(last, finalProgress, commitment.status, finalNote, steps + 1);
	// Same-day reports keep their order through the minutes; across days, dates already increase.
	rows.sort((a, b) => (a.changed_at < b.changed_at ? -1 : a.changed_at > b.changed_at ? 1 : 0));
	return rows;
}

export function generateAgreements(
	territory: SampleTerritory,
	projects: readonly SampleProject[],
	projectCount: number,
	r: Random,
	anchor: string
): AgreementsResult {
	const result: AgreementsResult = {
		agreements: [],
		parties: [],
		commitments: [],
		commitmentCommunes: [],
		commitmentProjects: [],
		progress: []
	};
	const communeByCode = new Map(territory.communes.map((c) => [c.code, c]));
	const regions = new Map<string, RegionIndex>();
	for (const region of territory.regions) {
		const communes = territory.communes.filter((c) => c.region_code === region.code && c.areaKm2);
		regions.set(region.code, {
			communes,
			coastal: communes.filter((c) => c.coast.length > 0),
			projects: [],
			mandatable: [],
			provinces: territory.provinces.filter((p) => p.region_code === region.code)
		});
	}
	for (const project of projects) {
		const index = regions.get(project.commune_code.slice(0, 2));
		index?.projects.push(project);
		if (project.service_code !== 'concesiones') index?.mandatable.push(project);
	}
	const regionList = territory.regions.filter((region) => regions.get(region.code)!.communes.length > 0);
	const pickRegion = weightedPicker(
		regionList,
		regionList.map((region) => 1 + regions.get(region.code)!.projects.length)
	);

	const total = Math.max(regionList.length * 3 + NATIONAL_AGREEMENTS.length, Math.round(projectCount / 40));
	let commitmentId = 0;
	const addCommitments = (
		agreement: SampleAgreement,
		parties: SampleParty[],
		lead: ThemeCode,
		index: RegionIndex | null,
		focusCommune: SampleCommune | null
	) => {
		const count = r.int(3, 8);
		const themeStart = THEMES.indexOf(lead);
		const author = agreement.region_code ? userKey.secretariat(agreement.region_code) : null;
		const water = agreement.region_code
			? r.pick(REGION_VOCABULARY[agreement.region_code]?.waters ?? ['estero sin nombre'])
			: 'río Maipo';
		for (let k = 0; k < count; k++) {
			const theme = THEMES[(themeStart + k) % THEMES.length];
			const commune =
				focusCommune && r.chance(0.6) ? focusCommune : index ? r.pick(index.communes) : null;
			const project = index && index.projects.length ? r.pick(index.projects) : null;
			const title = r.pick(COMMITMENTS[theme])({
				p: project?.name.split(',')[0] ?? 'cartera de obras en ejecución',
				c: commune?.name ?? 'las regiones',
				w: water,
				l: r.pick(LOCALITIES)
			});
			const registered = minDate(addDays(agreement.signed_on, r.int(0, 20)), addDays(anchor, -1));
			const due = addDays(registered, r.int(45, 1000));
			const { status, progress } = commitmentStatus(r, due, anchor);
			const responsible = pickResponsible(r, parties, theme);
			const commitment: SampleCommitment = {
				id: ++commitmentId,
				agreement_id: agreement.id,
				title,
				responsible,
				theme_code: theme,
				due_on: due,
				status,
				progress,
				estimated_cost_clp: r.chance(0.6) ? Math.round(r.logUniform(5, 2000)) * 1_000_000 : null,
				created_at: '',
				updated_at: ''
			};
			const history = progressHistory(r, commitment, registered, anchor, author);
			commitment.created_at = history[0].changed_at;
			commitment.updated_at = history[history.length - 1].changed_at;
			result.commitments.push(commitment);
			result.progress.push(...history);
			if (commune)
				result.commitmentCommunes.push({ commitment_id: commitment.id, commune_code: commune.code });
			if (project && r.chance(0.45))
				result.commitmentProjects.push({ commitment_id: commitment.id, project_id: project.id });
		}
	};

	const signedOn = () => addDays(anchor, -r.int(20, 2000));
	const created = (day: string) => officeTimestamp(day, r.int(0, 599));

	for (let id = 1; id <= total; id++) {
		// Right after the regions' first three come the national agreements, once each.
		const national =
			id > regionList.length * 3 ? NATIONAL_AGREEMENTS[id - 1 - regionList.length * 3] : undefined;
		if (national) {
			const signed = signedOn();
			const agreement: SampleAgreement = {
				id,
				kind: national.kind,
				title: national.title,
				problem: national.problem,
				signed_on: signed,
				ends_on: national.kind === 'working_group' ? null : addDays(signed, r.int(730, 1825)),
				region_code: null,
				created_at: created(signed)
			};
			const parties = national.parties.map(([key, role]) => ({
				agreement_id: id,
				institution: institutionKey.national(key),
				role
			}));
			result.agreements.push(agreement);
			result.parties.push(...parties);
			addCommitments(agreement, parties, national.theme, null, null);
			continue;
		}
		// The first agreements give each region three; the rest follow the size of its portfolio.
		const region = id <= regionList.length * 3 ? regionList[(id - 1) % regionList.length] : pickRegion(r);
		const index = regions.get(region.code)!;
		const focus = r.pick(FOCUSES.filter((f) => !f.needsCoast || index.coastal.length > 0));
		const commune = focus.needsCoast ? r.pick(index.coastal) : r.pick(index.communes);
		const province = index.provinces.find((p) => p.code === commune.province_code);
		const water = r.pick(REGION_VOCABULARY[region.code]?.waters ?? ['estero sin nombre']);
		const label = regionLabel(region.code, region.name);
		const gore = regionalGovernmentName(region.code, region.name);
		const direction = REGIONAL_MOP_DIRECTIONS.find((d) => d.key === focus.direction)!;
		const at = (key: string) => institutionKey.regional(key, region.code);
		const muni = (c: SampleCommune) => institutionKey.municipality(c.code);
		const kindRoll = r.next();
		const signed = signedOn();
		let agreement: SampleAgreement;
		let parties: [string, PartyRole][];

		if (kindRoll < 0.18) {
			const from = yearOf(signed);
			agreement = {
				id,
				kind: 'cooperation_agreement',
				signed_on: signed,
				ends_on: addDays(signed, r.int(3, 5) * 365),
				region_code: region.code,
				created_at: created(signed),
				title: `Convenio de programación ${gore} – MOP para ${focus.purpose}, ${from}–${from + 4}`,
				problem: focus.problem(`la ${label}`, water, r)
			};
			parties = [
				[institutionKey.gore(region.code), 'funder'],
				[at('seremi_mop'), 'signatory'],
				[institutionKey.secretariat(region.code), 'coordinator'],
				[at(direction.key), 'implementer']
			];
		} else if (kindRoll < 0.33 && index.mandatable.length) {
			const project = r.pick(index.mandatable);
			const executor =
				REGIONAL_MOP_DIRECTIONS.find((d) => d.service === project.service_code)?.key ?? 'da';
			const projectCommune = communeByCode.get(project.commune_code)!;
			agreement = {
				id,
				kind: 'cooperation_agreement',
				signed_on: signed,
				ends_on: addDays(signed, r.int(2, 4) * 365),
				region_code: region.code,
				created_at: created(signed),
				title: `Convenio mandato: ${project.name}`,
				problem: `El gobierno regional financia con el FNDR una obra que la ${REGIONAL_MOP_DIRECTIONS.find((d) => d.key === executor)!.name.replace('Dirección Regional', 'dirección regional')} ejecuta como unidad técnica, en la comuna de ${projectCommune.name}.`
			};
			parties = [
				[institutionKey.gore(region.code), 'funder'],
				[at(executor), 'implementer'],
				[muni(projectCommune), 'collaborator']
			];
			const rows = parties.map(([institution, role]) => ({ agreement_id: id, institution, role }));
			result.agreements.push(agreement);
			result.parties.push(...rows);
			addCommitments(agreement, rows, focus.theme, index, projectCommune);
			result.commitmentProjects.push({
				commitment_id: result.commitments[result.commitments.length - 1].id,
				project_id: project.id
			});
			dedupeLast(result);
			continue;
		} else if (kindRoll < 0.45) {
			agreement = {
				id,
				kind: 'cooperation_agreement',
				signed_on: signed,
				ends_on: addDays(signed, r.int(1, 3) * 365),
				region_code: region.code,
				created_at: created(signed),
				title: `Convenio de colaboración SEREMI de Obras Públicas – Municipalidad de ${commune.name} para ${focus.purpose}`,
				problem: focus.problem(`la comuna de ${commune.name}`, water, r)
			};
			parties = [
				[at('seremi_mop'), 'signatory'],
				[muni(commune), 'signatory'],
				[at(direction.key), 'implementer']
			];
		} else if (kindRoll < 0.7) {
			agreement = {
				id,
				kind: 'memorandum_of_understanding',
				signed_on: signed,
				ends_on: r.chance(0.5) ? addDays(signed, r.int(1, 3) * 365) : null,
				region_code: region.code,
				created_at: created(signed),
				title: `Protocolo de acuerdo para ${focus.purpose} en la comuna de ${commune.name}`,
				problem: focus.problem(`la comuna de ${commune.name}`, water, r)
			};
			parties = [
				[at('seremi_mop'), 'signatory'],
				[institutionKey.gore(region.code), 'signatory'],
				[muni(commune), 'signatory'],
				[at(focus.seremi), 'collaborator'],
				[at(direction.key), 'implementer']
			];
			if (focus.theme === 'prevencion_riesgos_salud_ocupacional')
				parties.push([at('dt'), 'collaborator']);
		} else {
			const provincial = province && r.chance(0.6);
			const place = provincial ? `la provincia de ${province.name}` : `la comuna de ${commune.name}`;
			agreement = {
				id,
				kind: 'working_group',
				signed_on: signed,
				ends_on: r.chance(0.3) ? addDays(signed, r.int(1, 2) * 365) : null,
				region_code: region.code,
				created_at: created(signed),
				title: `Mesa de trabajo ${focus.table} de ${place}`,
				problem: focus.problem(place, water, r)
			};
			parties = [
				[institutionKey.secretariat(region.code), 'coordinator'],
				[institutionKey.gore(region.code), 'collaborator'],
				[at(direction.key), 'implementer'],
				[at(focus.seremi), 'collaborator']
			];
			if (provincial && !province.code.endsWith('1'))
				parties.push([institutionKey.delegation(province.code), 'collaborator']);
			const municipalities = provincial
				? index.communes.filter((c) => c.province_code === province.code)
				: [commune];
			for (const c of r.sample(municipalities, r.int(1, 4))) parties.push([muni(c), 'collaborator']);
		}
		const rows = dedupeParties(parties).map(([institution, role]) => ({
			agreement_id: id,
			institution,
			role
		}));
		result.agreements.push(agreement);
		result.parties.push(...rows);
		addCommitments(agreement, rows, focus.theme, index, commune);
	}
	return result;
}

/** One row per institution in an agreement (the primary key), keeping its first role. */
function dedupeParties(parties: [string, PartyRole][]): [string, PartyRole][] {
	const seen = new Set<string>();
	return parties.filter(([institution]) => (seen.has(institution) ? false : (seen.add(institution), true)));
}

/** The mandated project may already be linked to that commitment. */
function dedupeLast(result: AgreementsResult): void {
	const links = result.commitmentProjects;
	const last = links[links.length - 1];
	if (
		links
			.slice(0, -1)
			.some((l) => l.commitment_id === last.commitment_id && l.project_id === last.project_id)
	)
		links.pop();
}

function pickResponsible(r: Random, parties: readonly SampleParty[], theme: ThemeCode): string {
	const preferred = parties.filter((p) => {
		const key = p.institution.split(':')[0];
		if (theme === 'participacion_ciudadana')
			return key === 'st' || key === 'muni' || key === 'dgop' || key === 'gore';
		if (theme === 'prevencion_riesgos_salud_ocupacional')
			return p.role === 'implementer' || key === 'dt' || key === 'seremi_salud';
		if (theme === 'medio_ambiente')
			return p.role === 'implementer' || key === 'seremi_mma' || key === 'mma' || key === 'sea';
		return (
			key === 'gore' ||
			key === 'seremi_mop' ||
			key === 'st' ||
			p.role === 'implementer' ||
			key === 'subdere' ||
			key === 'dirplan'
		);
	});
	return r.pick(preferred.length ? preferred : parties).institution;
}
