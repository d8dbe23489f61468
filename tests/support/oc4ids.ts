// The OC4IDS 0.9.5 package schema as a validator, from the copy in data/oc4ids (SOURCE.md there):
// the tests of the export validate what it writes with it. The schema is draft-04 (ajv-draft-04)
// with date-time and uri formats (ajv-formats); `codelist`, `openCodelist` and `versionId` are
// OCDS annotations with no effect on validation.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const dir = new URL('../../data/oc4ids/', import.meta.url);
const json = (name: string) => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));

export function oc4idsPackageValidator() {
	const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
	addFormats(ajv);
	ajv.addVocabulary(['codelist', 'openCodelist', 'versionId']);
	ajv.addSchema(json('project-schema.json'));
	return ajv.compile(json('project-package-schema.json'));
}

/** The codes of a codelist copied beside the schema (first column of its CSV). */
export function oc4idsCodes(codelist: string): string[] {
	return readFileSync(new URL(`codelists/${codelist}.csv`, dir), 'utf8')
		.split('\n')
		.slice(1)
		.filter(Boolean)
		.map((line) => line.split(',')[0]);
}
