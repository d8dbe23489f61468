import { describe, expect, it } from 'vitest';
import { markdownParagraphs } from './paragraphs';

describe('markdownParagraphs', () => {
	it('gives one plain line per block, entities decoded', () => {
		expect(markdownParagraphs('Uno & **dos**\n\n- tres < cuatro\n- cinco')).toEqual([
			'Uno & dos',
			'tres < cuatro',
			'cinco'
		]);
	});

	it('keeps no markup and no script, and is empty for nothing', () => {
		expect(markdownParagraphs('<script>alert(1)</script>\n\nTexto [enlace](javascript:x)')).toEqual([
			'Texto enlace'
		]);
		expect(markdownParagraphs(null)).toEqual([]);
	});
});
