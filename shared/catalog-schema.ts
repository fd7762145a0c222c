// Input schema of listCatalog: the catalog browser's search, filters and sort.
import { z } from 'zod';

const modality = z.enum(['text', 'image', 'audio', 'video', 'pdf']);
const perMillionUsd = z.number().min(0, 'expected a price of 0 or more');

export const catalogQuerySchema = z
  .object({
    /** Words matched (all of them, any case) against id, name and provider ids. */
    search: z.string().max(200).optional(),
    /** Models served by any of these catalog providers. */
    providers: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
    /** Models with all of these capabilities. */
    capabilities: z.array(z.enum(['tools', 'structuredOutput', 'reasoning'])).max(3).optional(),
    inputModalities: z.array(modality).max(5).optional(),
    outputModalities: z.array(modality).max(5).optional(),
    /** USD per million tokens; models without a known price are left out when set. */
    maxPromptPricePerMillion: perMillionUsd.optional(),
    maxCompletionPricePerMillion: perMillionUsd.optional(),
    minContextLength: z.number().int().min(0).optional(),
    /** price: blended 3 input : 1 output tokens, unknown prices last; context: largest first unless direction says otherwise. */
    sort: z.enum(['name', 'price', 'context', 'released']).default('name'),
    direction: z.enum(['asc', 'desc']).optional(),
    limit: z.number().int().min(1).max(1000).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
