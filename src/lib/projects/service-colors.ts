import type { ExpressionSpecification } from 'maplibre-gl';
import { NEUTRAL, OKABE_ITO } from '$lib/charts/palette';

/**
 * One Okabe–Ito colour per MOP service, on the map and in its legend. Vermillion stays out: it
 * means "late" everywhere in the app. Planeamiento (studies, few works on the ground) gets grey.
 */
export const SERVICE_COLORS: Readonly<Record<string, string>> = {
	vialidad: OKABE_ITO.orange,
	obras_hidraulicas: OKABE_ITO.blue,
	obras_portuarias: OKABE_ITO.skyBlue,
	arquitectura: OKABE_ITO.reddishPurple,
	aeropuertos: OKABE_ITO.black,
	concesiones: OKABE_ITO.bluishGreen,
	agua_potable_rural: OKABE_ITO.yellow,
	planeamiento: NEUTRAL
};

/** A `match` on the feature's `service` property (a tile property), grey for a service unknown here. */
export function serviceColorExpression(property = 'service'): ExpressionSpecification {
	const pairs = Object.entries(SERVICE_COLORS).flat();
	return ['match', ['get', property], ...pairs, NEUTRAL] as unknown as ExpressionSpecification;
}
