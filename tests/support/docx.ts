// The pictures a .docx holds, read the way Word reads them: each drawing in word/document.xml
// (its name and alt text, `wp:docPr`) joined through its relationship id to the file under
// word/media/, whose PNG header gives the real pixel size. A test checks that an image is there,
// is a PNG and is of a plausible size, not only that some file came out.
import JSZip from 'jszip';

export interface DocxPicture {
	name: string;
	description: string;
	title: string;
	/** Path in the package, e.g. word/media/abc.png. */
	path: string;
	bytes: number;
	isPng: boolean;
	width: number;
	height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const attribute = (xml: string, name: string) =>
	new RegExp(`\\s${name}="([^"]*)"`)
		.exec(xml)?.[1]
		?.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&') ?? '';

export async function docxPictures(file: Uint8Array | Buffer): Promise<DocxPicture[]> {
	const zip = await JSZip.loadAsync(file);
	const document = await zip.file('word/document.xml')!.async('string');
	const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
	const targets = new Map(
		[...rels.matchAll(/<Relationship [^>]*>/g)].map((r) => [
			attribute(r[0], 'Id'),
			attribute(r[0], 'Target')
		])
	);
	const pictures: DocxPicture[] = [];
	for (const [drawing] of document.matchAll(/<w:drawing>.*?<\/w:drawing>/gs)) {
		const docPr = /<wp:docPr [^>]*>/.exec(drawing)?.[0] ?? '';
		const embed = /<a:blip [^>]*r:embed="([^"]+)"/.exec(drawing)?.[1] ?? '';
		const path = `word/${targets.get(embed) ?? ''}`;
		const data = await zip.file(path)?.async('uint8array');
		const view = data ? new DataView(data.buffer, data.byteOffset, data.byteLength) : null;
		const isPng = !!data && PNG_SIGNATURE.every((byte, i) => data[i] === byte);
		pictures.push({
			name: attribute(docPr, 'name'),
			description: attribute(docPr, 'descr'),
			title: attribute(docPr, 'title'),
			path,
			bytes: data?.byteLength ?? 0,
			isPng,
			// IHDR: width and height are the first two big-endian words after the chunk header.
			width: isPng && view ? view.getUint32(16) : 0,
			height: isPng && view ? view.getUint32(20) : 0
		});
	}
	return pictures;
}
