/** A project as the project picker lists it. */
export interface ProjectMatch {
	id: number;
	name: string;
	bip_code: string | null;
	/** The comunas it touches, largest share first, joined; null when it has no geometry. */
	communes: string | null;
}

/** A chosen project: its id and the one line that names it (name · BIP · comunas). */
export interface ProjectChoice {
	id: number;
	label: string;
}

/** One line that tells two projects of the same name apart: name, BIP code and comunas. */
export function projectLabel(project: Omit<ProjectMatch, 'id'>): string {
	return [project.name, project.bip_code ? `BIP ${project.bip_code}` : null, project.communes]
		.filter((part): part is string => Boolean(part))
		.join(' · ');
}

export const toChoice = (project: ProjectMatch): ProjectChoice => ({
	id: project.id,
	label: projectLabel(project)
});
