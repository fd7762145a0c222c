// The run on screen. Columns select their own response from it, so a delta for one column
// re-renders that column only.
import { create } from 'zustand';
import type { ResponseRecord } from '../../../shared/records';
import type { JuxtaError } from '../../../shared/result';
import type { RunView } from './run-view';

export interface RunState {
  view: RunView | null;
  /** A run is being opened from history. */
  opening: boolean;
  openError: JuxtaError | null;
  /** Column ids the user collapsed. */
  collapsed: Record<string, boolean>;
}

export const useRunStore = create<RunState>(() => ({ view: null, opening: false, openError: null, collapsed: {} }));

export function useResponse(responseId: string): ResponseRecord | undefined {
  return useRunStore((state) => state.view?.responses[responseId]);
}
