const cache = new Map<string, CanvasPattern | string>();

/**
 * Diagonal white stripes over `colour`: the second cue, besides the legend's words, that marks late
 * and overdue bars for people who cannot tell vermillion from its neighbours.
 */
export function hatchPattern(colour: string): CanvasPattern | string {
	const cached = cache.get(colour);
	if (cached) return cached;
	const tile = document.createElement('canvas');
	tile.width = tile.height = 8;
	const context = tile.getContext('2d');
	if (!context) return colour;
	context.fillStyle = colour;
	context.fillRect(0, 0, 8, 8);
	context.strokeStyle = 'rgba(255, 255, 255, 0.85)';
	context.lineWidth = 2;
	context.beginPath();
	// One stripe corner to corner plus its two wrapped halves, so tiles join seamlessly.
	context.moveTo(0, 8);
	context.lineTo(8, 0);
	context.moveTo(-2, 2);
	context.lineTo(2, -2);
	context.moveTo(6, 10);
	context.lineTo(10, 6);
	context.stroke();
	const pattern = context.createPattern(tile, 'repeat') ?? colour;
	cache.set(colour, pattern);
	return pattern;
}
