// Inputs of the usage dashboard and budget methods.
import { z } from 'zod';

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'expected a real date');
/** IANA zone from the renderer's Intl.DateTimeFormat().resolvedOptions().timeZone; checked on the Node side. */
const timeZone = z.string().trim().min(1, 'expected an IANA time zone such as Europe/Paris').max(100);
const MAX_REPORT_DAYS = 400;

export const usageReportInput = z
  .object({
    /** First local day (inclusive). */
    from: localDate,
    /** Last local day (inclusive). */
    to: localDate,
    timeZone,
    connectionIds: z.array(z.string().min(1).max(200)).max(100).optional(),
    models: z.array(z.string().min(1).max(300)).max(500).optional(),
  })
  .strict()
  .refine((input) => input.from <= input.to, { message: 'expected from on or before to', path: ['to'] })
  .refine((input) => (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000 < MAX_REPORT_DAYS, {
    message: `expected at most ${MAX_REPORT_DAYS} days`,
    path: ['from'],
  });

export const setBudgetInput = z
  .object({
    /** A connection id, or "*" for all connections together. */
    scope: z.string().trim().min(1).max(200),
    period: z.enum(['day', 'month']),
    /** null removes the budget. */
    limitUsd: z.number().positive('expected a limit above $0').max(1_000_000).nullable(),
    timeZone,
  })
  .strict();
