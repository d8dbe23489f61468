/**
 * Colours of the charts. Categories use the Okabe–Ito palette (distinguishable with every common
 * colour-vision deficiency); ordered categories use a viridis ramp, stopping before its lightest
 * yellows, which vanish on white. Vermillion is reserved for what is late or overdue, and such a
 * series is always hatched too (see `BarChartModel.hatched`), so it never depends on colour alone.
 */
export const OKABE_ITO = {
	black: '#000000',
	orange: '#e69f00',
	skyBlue: '#56b4e9',
	bluishGreen: '#009e73',
	yellow: '#f0e442',
	blue: '#0072b2',
	vermillion: '#d55e00',
	reddishPurple: '#cc79a7'
} as const;

export const NEUTRAL = '#8c8c8c';
export const LATE = OKABE_ITO.vermillion;

/** Seven viridis steps, dark to light, for ordinal series such as project stages. */
export const VIRIDIS_7 = [
	'#472d7b',
	'#3b528b',
	'#2c728e',
	'#21918c',
	'#28ae80',
	'#5ec962',
	'#addc30'
] as const;
