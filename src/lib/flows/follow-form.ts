import { z } from 'zod';
import { Constants } from '$lib/database.types';

/** A follow as a form sends it: the kind and its target (an id, or a CUT code). */
export const followSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('project'), target: z.coerce.number().int().positive() }),
	z.object({ kind: z.literal('agreement'), target: z.coerce.number().int().positive() }),
	z.object({ kind: z.literal('commune'), target: z.string().regex(/^\d{5}$/) }),
	z.object({ kind: z.literal('region'), target: z.string().regex(/^\d{2}$/) })
]);

export const frequencySchema = z.enum(Constants.public.Enums.digest_frequency);
