// GoTrue takes `ban_duration` as a Go duration string (time.ParseDuration) or "none" to lift a ban.

const UNIT_MS: Record<string, number> = {
	ns: 1e-6,
	us: 1e-3,
	µs: 1e-3,
	μs: 1e-3,
	ms: 1,
	s: 1000,
	m: 60_000,
	h: 3_600_000
};

/** Milliseconds of a Go duration such as "24h", "1h30m", "-1.5h", "90s"; null when malformed. */
export function parseGoDuration(text: string): number | null {
	const match = /^([-+]?)(.+)$/.exec(text);
	if (!match || text === '') return null;
	const [, sign, rest] = match;
	if (rest === '0') return 0;
	const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
	let total = 0;
	let index = 0;
	while (index < rest.length) {
		part.lastIndex = index;
		const found = part.exec(rest);
		if (!found) return null;
		total += Number(found[1]) * UNIT_MS[found[2]];
		index = part.lastIndex;
	}
	return sign === '-' ? -total : total;
}

/** The `banned_until` a ban_duration sets: null for "none", else now + duration. */
export function bannedUntil(banDuration: string, now = Date.now()): Date | null | 'invalid' {
	if (banDuration === 'none') return null;
	const ms = parseGoDuration(banDuration);
	if (ms === null) return 'invalid';
	return new Date(now + ms);
}
