import { describe, expect, it } from 'vitest';
import { requestLogLine } from './request-log';

describe('requestLogLine', () => {
	const at = new Date('2026-11-30T12:00:00Z');

	it('is one JSON line with status, duration and a level from the status', () => {
		const line = requestLogLine(
			{ method: 'GET', path: '/region/05', route: '/region/[code]', status: 200, durationMs: 12.345 },
			at
		);
		expect(line).not.toContain('\n');
		expect(JSON.parse(line)).toEqual({
			time: '2026-11-30T12:00:00.000Z',
			level: 'info',
			msg: 'request',
			method: 'GET',
			path: '/region/05',
			route: '/region/[code]',
			status: 200,
			duration_ms: 12.3
		});
		expect(
			JSON.parse(
				requestLogLine({ method: 'GET', path: '/x', route: null, status: 404, durationMs: 1 }, at)
			).level
		).toBe('warn');
		expect(
			JSON.parse(
				requestLogLine({ method: 'GET', path: '/', route: '/', status: 503, durationMs: 1 }, at)
			).level
		).toBe('error');
	});

	it('escapes what a path may carry instead of breaking the line', () => {
		const line = requestLogLine(
			{ method: 'GET', path: '/a"\n{b', route: null, status: 404, durationMs: 0 },
			at
		);
		expect(line.split('\n')).toHaveLength(1);
		expect(JSON.parse(line).path).toBe('/a"\n{b');
	});
});
