// zod/mini schema of the badge thresholds (state.ts), for the settings and the background's answer to the content
// script. Apart from state.ts so code that only works out a badge state does not carry it (issue 5 size budget).
import * as z from 'zod/mini';

const hours = z.number().check(z.gte(0), z.lte(24 * 365));
const LevelSchema = z
  .object({ urgentHours: hours, soonHours: hours })
  .check(z.refine((l) => l.urgentHours <= l.soonHours, 'urgentHours must not exceed soonHours'));

export const BadgeThresholdsSchema = z.object({ seller: LevelSchema, buyer: LevelSchema });
