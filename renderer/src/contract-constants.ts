// MAX_TARGETS without its module's zod schemas: importing shared/contract at run time would put
// all of zod into the first-paint bundle for one number. Tied to the contract at compile time.
import type { MAX_TARGETS as ContractMaxTargets } from '../../shared/contract';

export const MAX_TARGETS: typeof ContractMaxTargets = 8;
