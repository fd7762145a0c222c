#!/usr/bin/env node
// `juxta` command: runs the TypeScript CLI through tsx (no separate build step for the CLI).
import { register } from 'tsx/esm/api';

register();
await import('../electron/hosts/cli.ts');
