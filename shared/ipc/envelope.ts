import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './errors';

export type Envelope<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

/** Schema of a failed envelope, for hosts that receive envelopes from outside (preload, test host). */
export const failureSchema = z.object({
  ok: z.literal(false),
  code: z.enum(ERROR_CODES),
  message: z.string(),
});
