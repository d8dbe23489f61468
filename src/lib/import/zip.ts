import { unzipSync, type UnzipFileInfo } from 'fflate';
import { ImportFileError, LIMITS } from './errors.ts';

// Zip archives (XLSX, zipped shapefiles) are opened by us, with every size checked from the
// central directory before anything is inflated, and each entry inflated into a buffer of its
// declared size: a zip bomb or a lying header cannot grow memory past LIMITS.

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

function hasCentralDirectory(bytes: Uint8Array): boolean {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--)
		if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) return true;
	return false;
}

export function isZip(bytes: Uint8Array): boolean {
	return (
		bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
	);
}

/** The entries `wanted` keeps, inflated; a truncated, bomb-like or corrupt archive is an ImportFileError. */
export function readZip(
	bytes: Uint8Array,
	wanted: (name: string) => boolean = () => true
): Map<string, Uint8Array> {
	if (!isZip(bytes) || !hasCentralDirectory(bytes)) throw new ImportFileError('zip_truncated');
	let total = 0;
	let entries = 0;
	const state: { refusal: ImportFileError | null } = { refusal: null };
	const filter = (file: UnzipFileInfo) => {
		if (state.refusal) return false;
		entries += 1;
		total += file.originalSize;
		const ratio = file.originalSize / Math.max(file.size, 1);
		if (
			entries > LIMITS.zipEntries ||
			total > LIMITS.unzippedBytes ||
			(file.originalSize > 1024 * 1024 && ratio > LIMITS.compressionRatio)
		)
			state.refusal = new ImportFileError('zip_bomb');
		else if (file.compression !== 0 && file.compression !== 8)
			state.refusal = new ImportFileError('zip_invalid');
		return !state.refusal && wanted(file.name);
	};
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(bytes, { filter });
	} catch {
		throw state.refusal ?? new ImportFileError('zip_invalid');
	}
	if (state.refusal) throw state.refusal;
	return new Map(Object.entries(files));
}
