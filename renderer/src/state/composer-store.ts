// What the user is about to run: prompts, params and the chosen models.
import { create } from 'zustand';
import { MAX_TARGETS } from '../contract-constants';
import type { RunTarget } from '../../../shared/records';
import type { FieldErrors } from '../format/field-errors';
import { loadPrefs } from './prefs-storage';
import type { RequestOptionsDraft } from '../tools/request-options';
import { loadRequestOptionsDraft } from '../tools/request-options-storage';

export interface ComposerState {
  prompt: string;
  systemPrompt: string;
  systemPromptOpen: boolean;
  temperature: string;
  maxTokens: string;
  targets: RunTarget[];
  errors: FieldErrors;
  /** startRun is in flight. */
  starting: boolean;
  /** The composer folded to one line, to give the result columns the height. */
  collapsed: boolean;
  /** The Options panel: tools, tool choice, response format, reasoning (tools/request-options.ts). */
  options: RequestOptionsDraft;
}

const prefs = loadPrefs();

export const noErrors: FieldErrors = { fields: {}, general: null };

export const useComposerStore = create<ComposerState>(() => ({
  prompt: '',
  systemPrompt: '',
  systemPromptOpen: prefs.systemPromptOpen,
  temperature: prefs.temperature,
  maxTokens: prefs.maxTokens,
  targets: prefs.targets,
  errors: noErrors,
  starting: false,
  collapsed: false,
  options: loadRequestOptionsDraft(),
}));

export function sameTarget(left: RunTarget, right: RunTarget): boolean {
  return left.connectionId === right.connectionId && left.model === right.model;
}

/** Adds a model; returns why not when it cannot. */
export function addTarget(target: RunTarget): string | null {
  const { targets } = useComposerStore.getState();
  if (targets.length >= MAX_TARGETS) return `At most ${MAX_TARGETS} models per run.`;
  if (targets.some((existing) => sameTarget(existing, target))) return `${target.model} is already in this run.`;
  useComposerStore.setState({ targets: [...targets, target], errors: noErrors });
  return null;
}

export function removeTarget(index: number): void {
  const { targets } = useComposerStore.getState();
  useComposerStore.setState({ targets: targets.filter((_, position) => position !== index) });
}

export function clearFieldError(...paths: string[]): void {
  const { errors } = useComposerStore.getState();
  const fields = { ...errors.fields };
  let changed = false;
  for (const path of Object.keys(fields)) {
    if (paths.some((prefix) => path === prefix || path.startsWith(`${prefix}.`))) {
      delete fields[path];
      changed = true;
    }
  }
  if (changed) useComposerStore.setState({ errors: { ...errors, fields } });
}
