import type { SampleAgreement, SampleCommitment } from './agreements.ts';
import {
	addDays,
	addMonths,
	daysBetween,
	maxDate,
	monthLabel,
	monthStart,
	officeTimestamp,
	quarterLabel,
	yearOf
} from './dates.ts';
import { hasProvincialDelegation, institutionKey } from './institutions.ts';
import type { SampleProject } from './projects.ts';
import { weightedPicker, type Random } from './random.ts';
import type { SampleCommune, SampleTerritory } from './territory.ts';
import { regionLabel } from './texts.ts';
import { userKey } from './users.ts';
import type { Channel, Periodicity, PublicationKind, PublicationStatus } from './enums.ts';

/**
 * What each region's Technical Secretariat of the MOP Regional Council owes (information flows, to
 * the Gobierno Regional, the provincial delegations and municipalities), what it published
 * (deliveries of those flows, and other publications), and who acknowledged receipt.
 *
 * At the anchor date some deliveries were late, a few are missing (their flow is overdue), the
 * current period is in draft or scheduled, and some recipients never acknowledged.
 */

export interface SampleFlow {
	id: number;
	region_code: string;
	information: string;
	description: string;
	producer: string;
	channel: Channel;
	periodicity: Periodicity;
	next_due_on: string;
	/** The due date of the flow's first period: the database counts the following ones from it. */
	first_due_on: string;
	created_at: string;
}
export interface SamplePublication {
	id: number;
	region_code: string | null;
	title: string;
	summary: string;
	body_md: string;
	kind: PublicationKind;
	/** Its final status (the loader inserts archived ones as published, then archives them). */
	status: PublicationStatus;
	published_at: string | null;
	author: string | null;
	flow_id: number | null;
	/** The due date of the flow period a delivery delivers (publications.due_on); null when it delivers no flow. */
	due_on: string | null;
	created_at: string;
}
export interface SampleAcknowledgement {
	publication_id: number;
	institution: string;
	user: string | null;
	acknowledged_at: string;
}
export interface FlowsResult {
	flows: SampleFlow[];
	recipients: { flow_id: number; institution: string }[];
	publications: SamplePublication[];
	publicationCommunes: { publication_id: number; commune_code: string }[];
	publicationProjects: { publication_id: number; project_id: number }[];
	publicationCommitments: { publication_id: number; commitment_id: number }[];
	acknowledgements: SampleAcknowledgement[];
}

interface FlowTemplate {
	key: string;
	information: string;
	description: string;
	periodicity: Periodicity;
	channel: Channel;
	kind: PublicationKind;
	/** How many municipalities of the region receive it (besides the GORE). */
	municipalities: number;
	delegations: boolean;
}

const FLOW_TEMPLATES: readonly FlowTemplate[] = [
	{
		key: 'cartera',
		information: 'Informe mensual de avance de la cartera MOP regional',
		periodicity: 'monthly',
		channel: 'portal',
		kind: 'report',
		description:
			'Avance físico y financiero de los proyectos en ejecución, con alertas de atrasos y paralizaciones.',
		municipalities: 4,
		delegations: true
	},
	{
		key: 'consejo',
		information: 'Minuta de acuerdos de la sesión del Consejo Regional MOP',
		periodicity: 'monthly',
		channel: 'email',
		kind: 'memo',
		description: 'Acuerdos adoptados en la sesión mensual, responsables y plazos.',
		municipalities: 0,
		delegations: false
	},
	{
		key: 'compromisos',
		information: 'Reporte trimestral de cumplimiento de compromisos',
		periodicity: 'quarterly',
		channel: 'official_letter',
		kind: 'report',
		description:
			'Estado de los compromisos de convenios, protocolos y mesas de trabajo de la región, con los vencidos destacados.',
		municipalities: 0,
		delegations: true
	},
	{
		key: 'inversion',
		information: 'Boletín trimestral de inversión MOP por comuna',
		periodicity: 'quarterly',
		channel: 'portal',
		kind: 'bulletin',
		description: 'Inversión programada y ejecutada por comuna y por servicio.',
		municipalities: 8,
		delegations: false
	},
	{
		key: 'apr',
		information: 'Estado trimestral de los sistemas de agua potable rural',
		periodicity: 'quarterly',
		channel: 'email',
		kind: 'report',
		description:
			'Sistemas en operación, en construcción y en diseño; comités con problemas de abastecimiento.',
		municipalities: 5,
		delegations: false
	},
	{
		key: 'conservacion',
		information: 'Programa anual de conservación de la red vial',
		periodicity: 'yearly',
		channel: 'regional_council_session',
		kind: 'presentation',
		description: 'Caminos y puentes a conservar en la temporada, por provincia.',
		municipalities: 6,
		delegations: true
	}
];

interface Period {
	label: string;
	due: string;
}

/** The periods of a flow from its first one, up to and including the first not yet due at the anchor. */
function periods(periodicity: Periodicity, first: string, anchor: string): Period[] {
	const list: Period[] = [];
	for (let start = first; ;) {
		const period =
			periodicity === 'monthly'
				? {
						label: monthLabel(start),
						due: addDays(addMonths(start, 1), 9),
						next: addMonths(start, 1)
					}
				: periodicity === 'quarterly'
					? {
							label: quarterLabel(start),
							due: addDays(addMonths(start, 3), 14),
							next: addMonths(start, 3)
						}
					: {
							label: `temporada ${yearOf(start)}`,
							due: `${yearOf(start)}-03-31`,
							next: addMonths(start, 12)
						};
		list.push({ label: period.label, due: period.due });
		if (period.due > anchor) return list;
		start = period.next;
	}
}

const ACK_RATE: Record<string, number> = { gore: 0.9, dpp: 0.75, muni: 0.6 };

/** "$12.345 millones", with Chile's thousands separator, independent of the machine's locale data. */
const money = (clp: number) =>
	`$${String(Math.round(clp / 1e6)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} millones`;

export function generateFlows(
	territory: SampleTerritory,
	projects: readonly SampleProject[],
	agreements: readonly SampleAgreement[],
	commitments: readonly SampleCommitment[],
	projectCount: number,
	r: Random,
	anchor: string
): FlowsResult {
	const result: FlowsResult = {
		flows: [],
		recipients: [],
		publications: [],
		publicationCommunes: [],
		publicationProjects: [],
		publicationCommitments: [],
		acknowledgements: []
	};
	const projectsByRegion = new Map<string, SampleProject[]>();
	for (const p of projects) {
		const list = projectsByRegion.get(p.commune_code.slice(0, 2)) ?? [];
		list.push(p);
		projectsByRegion.set(p.commune_code.slice(0, 2), list);
	}
	const agreementRegion = new Map(agreements.map((a) => [a.id, a.region_code]));
	const commitmentsByRegion = new Map<string, SampleCommitment[]>();
	for (const c of commitments) {
		const region = agreementRegion.get(c.agreement_id);
		if (!region) continue;
		const list = commitmentsByRegion.get(region) ?? [];
		list.push(c);
		commitmentsByRegion.set(region, list);
	}

	let flowId = 0;
	let publicationId = 0;
	const publish = (p: Omit<SamplePublication, 'id'>) => {
		const row = { id: ++publicationId, ...p };
		result.publications.push(row);
		return row;
	};

	for (const region of territory.regions) {
		const communes = territory.communes.filter((c) => c.region_code === region.code && c.areaKm2);
		if (communes.length === 0) continue;
		const regionProjects = projectsByRegion.get(region.code) ?? [];
		const regionCommitments = commitmentsByRegion.get(region.code) ?? [];
		const delegations = territory.provinces.filter(
			(p) => p.region_code === region.code && hasProvincialDelegation(p.code)
		);
		const producer = institutionKey.secretariat(region.code);
		const author = userKey.secretariat(region.code);
		const label = regionLabel(region.code, region.name);
		const inExecution = regionProjects.filter((p) => p.stage === 'execution');
		const executionAmount = inExecution.reduce((sum, p) => sum + (p.investment_clp ?? 0), 0);

		for (const template of FLOW_TEMPLATES) {
			if (
				template.key === 'apr' &&
				!regionProjects.some((p) => p.service_code === 'agua_potable_rural')
			)
				continue;
			const flow: SampleFlow = {
				id: ++flowId,
				region_code: region.code,
				information: template.information,
				description: template.description,
				producer,
				channel: template.channel,
				periodicity: template.periodicity,
				next_due_on: '',
				first_due_on: '',
				created_at: ''
			};
			const recipients = [institutionKey.gore(region.code)];
			if (template.delegations)
				recipients.push(...delegations.map((p) => institutionKey.delegation(p.code)));
			recipients.push(
				...r.sample(communes, template.municipalities).map((c) => institutionKey.municipality(c.code))
			);
			result.recipients.push(...recipients.map((institution) => ({ flow_id: flow.id, institution })));

			const firstMonth = monthStart(addMonths(anchor, -r.int(22, 34)));
			const first =
				template.periodicity === 'quarterly'
					? `${firstMonth.slice(0, 5)}${String(Math.floor((Number(firstMonth.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`
					: template.periodicity === 'yearly'
						? `${firstMonth.slice(0, 4)}-01-01`
						: firstMonth;
			flow.created_at = officeTimestamp(addDays(first, -r.int(10, 40)), r.int(0, 599));
			const list = periods(template.periodicity, first, anchor);
			const upcoming = list[list.length - 1];
			// Some flows miss their latest due delivery: they are overdue at the anchor.
			const missingLatest = list.length > 1 && r.chance(0.15);
			flow.first_due_on = list[0].due;
			flow.next_due_on = missingLatest ? list[list.length - 2].due : upcoming.due;
			result.flows.push(flow);

			list.forEach((period, index) => {
				const isUpcoming = index === list.length - 1;
				if (!isUpcoming && missingLatest && index === list.length - 2) return;
				const title =
					template.periodicity === 'yearly'
						? `${template.information}, ${period.label}`
						: `${template.information}: ${period.label}`;
				const highlights = r.sample(
					template.key === 'apr'
						? regionProjects.filter((p) => p.service_code === 'agua_potable_rural')
						: inExecution.length
							? inExecution
							: regionProjects,
					template.key === 'cartera' || template.key === 'apr' ? 3 : 0
				);
				const summary = deliverySummary(
					template.key,
					r,
					label,
					inExecution.length,
					executionAmount,
					regionCommitments
				);
				let status: PublicationStatus;
				let publishedDay: string | null;
				if (isUpcoming) {
					status = r.chance(0.45) ? 'scheduled' : 'draft';
					publishedDay =
						status === 'scheduled'
							? maxDate(addDays(anchor, 1), addDays(period.due, -r.int(0, 3)))
							: null;
				} else {
					const late = r.chance(0.2);
					publishedDay = late
						? addDays(period.due, r.int(1, 35))
						: addDays(period.due, -r.int(0, 8));
					if (publishedDay >= anchor) publishedDay = addDays(anchor, -1);
					status =
						daysBetween(publishedDay, anchor) > 540 && r.chance(0.5) ? 'archived' : 'published';
				}
				const publication = publish({
					region_code: region.code,
					title,
					summary,
					body_md: deliveryBody(summary, highlights, template.description),
					kind: template.kind,
					status,
					published_at: publishedDay ? officeTimestamp(publishedDay, r.int(0, 599)) : null,
					author,
					flow_id: flow.id,
					due_on: period.due,
					created_at: officeTimestamp(addDays(publishedDay ?? anchor, -r.int(3, 15)), r.int(0, 599))
				});
				for (const p of highlights)
					result.publicationProjects.push({ publication_id: publication.id, project_id: p.id });
				if (template.key === 'compromisos' || template.key === 'consejo') {
					for (const c of r.sample(regionCommitments, template.key === 'compromisos' ? 6 : 2)) {
						result.publicationCommitments.push({
							publication_id: publication.id,
							commitment_id: c.id
						});
					}
				}
				if (template.key === 'inversion' || template.key === 'conservacion') {
					for (const c of r.sample(communes, r.int(2, 6)))
						result.publicationCommunes.push({
							publication_id: publication.id,
							commune_code: c.code
						});
				}
				if (publication.published_at && publication.published_at.slice(0, 10) < anchor) {
					acknowledge(r, result, publication, recipients, region.code, anchor);
				}
			});
		}
	}

	addOtherPublications(
		territory,
		projectsByRegion,
		agreements,
		commitments,
		projectCount,
		r,
		anchor,
		publish,
		result
	);
	return result;
}

function deliverySummary(
	key: string,
	r: Random,
	label: string,
	inExecution: number,
	amount: number,
	commitments: readonly SampleCommitment[]
): string {
	switch (key) {
		case 'cartera':
			return `La ${label} tiene ${inExecution} proyectos en ejecución por ${money(amount)}, con un avance financiero acumulado de ${r.int(35, 92)} % del presupuesto vigente.`;
		case 'consejo':
			return `Se revisaron ${r.int(3, 9)} proyectos en la sesión; se acordaron ${r.int(2, 7)} acciones con responsables y plazos.`;
		case 'compromisos': {
			const open = commitments.filter(
				(c) => c.status === 'pending' || c.status === 'in_progress'
			).length;
			return `De ${commitments.length} compromisos registrados en la región, ${open} siguen abiertos; se detallan los vencidos y sus responsables.`;
		}
		case 'inversion':
			return `Inversión MOP programada y ejecutada por comuna en la ${label}, por servicio y fuente de financiamiento.`;
		case 'apr':
			return `${r.int(20, 160)} sistemas de agua potable rural en operación, ${r.int(1, 12)} en construcción y ${r.int(2, 20)} en diseño en la ${label}.`;
		default:
			return `Programa de conservación de caminos y puentes de la ${label} para la temporada, con ${r.int(150, 900)} km intervenidos.`;
	}
}

function deliveryBody(summary: string, highlights: readonly SampleProject[], description: string): string {
	const lines = ['## Resumen', '', summary, '', description];
	if (highlights.length)
		lines.push('', '## Proyectos destacados', '', ...highlights.map((p) => `- ${p.name}`));
	lines.push('', 'Documento preparado por la Secretaría Técnica del Consejo Regional MOP.');
	return lines.join('\n');
}

/** Receipts from the flow's recipients; recent deliveries have had less time to be acknowledged. */
function acknowledge(
	r: Random,
	result: FlowsResult,
	publication: SamplePublication,
	recipients: readonly string[],
	region: string,
	anchor: string
): void {
	const publishedDay = publication.published_at!.slice(0, 10);
	const recent = daysBetween(publishedDay, anchor) < 15;
	for (const institution of recipients) {
		const kind = institution.split(':')[0];
		if (!r.chance((ACK_RATE[kind] ?? 0.5) * (recent ? 0.4 : 1))) continue;
		const delay = Math.min(r.int(0, 12), Math.max(0, daysBetween(publishedDay, anchor) - 1));
		const at = officeTimestamp(addDays(publishedDay, delay), r.int(0, 599));
		result.acknowledgements.push({
			publication_id: publication.id,
			institution,
			user: kind === 'gore' ? userKey.gore(region) : null,
			// Never before the publication itself (a same-day receipt may draw an earlier hour).
			acknowledged_at: at < publication.published_at! ? publication.published_at! : at
		});
	}
}

const SERVICE_NAMES: Record<string, string> = {
	vialidad: 'Vialidad',
	obras_hidraulicas: 'Obras Hidráulicas',
	obras_portuarias: 'Obras Portuarias',
	arquitectura: 'Arquitectura',
	aeropuertos: 'Aeropuertos',
	concesiones: 'Concesiones',
	agua_potable_rural: 'Agua Potable Rural',
	planeamiento: 'Planeamiento'
};

/** Bulletins, presentations, technical notes and minutes that deliver no flow: as many as the portfolio is large. */
function addOtherPublications(
	territory: SampleTerritory,
	projectsByRegion: Map<string, SampleProject[]>,
	agreements: readonly SampleAgreement[],
	commitments: readonly SampleCommitment[],
	projectCount: number,
	r: Random,
	anchor: string,
	publish: (p: Omit<SamplePublication, 'id'>) => SamplePublication,
	result: FlowsResult
): void {
	const regions = territory.regions.filter(
		(region) => (projectsByRegion.get(region.code) ?? []).length > 0
	);
	const pickRegion = weightedPicker(
		regions,
		regions.map((region) => projectsByRegion.get(region.code)!.length)
	);
	const tables = agreements.filter((a) => a.kind === 'working_group' && a.region_code);
	const commitmentsByAgreement = new Map<number, SampleCommitment[]>();
	for (const c of commitments) {
		const list = commitmentsByAgreement.get(c.agreement_id) ?? [];
		list.push(c);
		commitmentsByAgreement.set(c.agreement_id, list);
	}
	// Per province and per region and service, computed once: there may be a thousand bulletins.
	const byProvince = new Map<string, SampleProject[]>();
	const byRegionService = new Map<string, SampleProject[]>();
	for (const list of projectsByRegion.values()) {
		for (const p of list) {
			const province = p.commune_code.slice(0, 3);
			const key = `${p.commune_code.slice(0, 2)}/${p.service_code}`;
			if (!byProvince.has(province)) byProvince.set(province, []);
			byProvince.get(province)!.push(p);
			if (!byRegionService.has(key)) byRegionService.set(key, []);
			byRegionService.get(key)!.push(p);
		}
	}
	const communeByCode = new Map(territory.communes.map((c) => [c.code, c]));
	const count = Math.max(regions.length * 2, Math.round(projectCount / 60));
	const pickStatus = weightedPicker<PublicationStatus>(
		['published', 'draft', 'scheduled', 'archived'],
		[70, 12, 6, 12]
	);

	for (let i = 0; i < count; i++) {
		const national = i % 50 === 49;
		const region = national ? null : i < regions.length ? regions[i] : pickRegion(r);
		const regionProjects = region ? projectsByRegion.get(region.code)! : [];
		const status = pickStatus(r);
		const publishedDay =
			status === 'draft'
				? null
				: status === 'scheduled'
					? addDays(anchor, r.int(1, 30))
					: addDays(anchor, -r.int(status === 'archived' ? 200 : 1, 720));
		const roll = r.next();
		let row: Omit<SamplePublication, 'id'>;
		let links: { projects: SampleProject[]; communes: SampleCommune[]; commitments: SampleCommitment[] } =
			{ projects: [], communes: [], commitments: [] };
		const base = {
			region_code: region?.code ?? null,
			status,
			published_at: publishedDay ? officeTimestamp(publishedDay, r.int(0, 599)) : null,
			author: region ? userKey.secretariat(region.code) : null,
			flow_id: null,
			due_on: null,
			created_at: officeTimestamp(addDays(publishedDay ?? anchor, -r.int(2, 20)), r.int(0, 599))
		};
		if (!region) {
			const year = yearOf(publishedDay ?? anchor);
			row = {
				...base,
				kind: 'report',
				title: `Informe nacional de gestión territorial de la cartera MOP, ${year}`,
				summary:
					'Síntesis nacional de la cartera, los compromisos y los flujos de información de las secretarías técnicas regionales.',
				body_md:
					'## Resumen\n\nSíntesis nacional preparada por la Dirección General de Obras Públicas con los reportes de las dieciséis regiones.'
			};
		} else if (roll < 0.35) {
			const province = r.pick(territory.provinces.filter((p) => p.region_code === region.code));
			const provinceCommunes = territory.communes.filter(
				(c) => c.province_code === province.code && c.areaKm2
			);
			links = {
				projects: r.sample(byProvince.get(province.code) ?? [], r.int(2, 4)),
				communes: r.sample(provinceCommunes, r.int(2, 5)),
				commitments: []
			};
			row = {
				...base,
				kind: 'bulletin',
				title: `Boletín de obras de la provincia de ${province.name}, ${monthLabel(publishedDay ?? anchor)}`,
				summary: `Obras en ejecución y próximas licitaciones en las comunas de la provincia de ${province.name}.`,
				body_md: `## Obras en la provincia de ${province.name}\n\n${links.projects.map((p) => `- ${p.name}`).join('\n') || 'Sin obras destacadas este mes.'}`
			};
		} else if (roll < 0.6) {
			const service = r.pick(regionProjects).service_code;
			links.projects = r.sample(byRegionService.get(`${region.code}/${service}`)!, 3);
			row = {
				...base,
				kind: 'presentation',
				title: `Cartera de ${SERVICE_NAMES[service] ?? service} ${yearOf(publishedDay ?? anchor)}, presentada al Consejo Regional MOP`,
				summary: `Proyectos de ${SERVICE_NAMES[service] ?? service} en la región: etapas, inversión y plazos.`,
				body_md: `## Proyectos presentados\n\n${links.projects.map((p) => `- ${p.name}`).join('\n')}`
			};
		} else if (roll < 0.85 || tables.every((t) => t.region_code !== region.code)) {
			const project = r.pick(regionProjects);
			links = {
				projects: [project],
				communes: [communeByCode.get(project.commune_code)!],
				commitments: []
			};
			row = {
				...base,
				kind: 'memo',
				title: `Minuta técnica: ${project.name}`,
				summary: 'Estado del proyecto, problemas detectados y acciones propuestas a las partes.',
				body_md: `## ${project.name}\n\n${project.description}`
			};
		} else {
			const table = r.pick(tables.filter((t) => t.region_code === region.code));
			links.commitments = r.sample(commitmentsByAgreement.get(table.id) ?? [], 4);
			row = {
				...base,
				kind: 'minutes',
				title: `Acta de sesión: ${table.title}`,
				summary: `Acuerdos de la sesión y revisión de ${links.commitments.length} compromisos.`,
				body_md: `## Compromisos revisados\n\n${links.commitments.map((c) => `- ${c.title}`).join('\n')}`
			};
		}
		const publication = publish(row);
		for (const p of links.projects)
			result.publicationProjects.push({ publication_id: publication.id, project_id: p.id });
		for (const c of links.communes)
			result.publicationCommunes.push({ publication_id: publication.id, commune_code: c.code });
		for (const c of links.commitments)
			result.publicationCommitments.push({ publication_id: publication.id, commitment_id: c.id });
	}
}
