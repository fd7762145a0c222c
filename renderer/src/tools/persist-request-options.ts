// Saves the Options panel's draft when it changes (loaded by the composer store at start).
import { useComposerStore } from '../state/composer-store';
import { requestOptionsStorageKey } from './request-options-storage';

/** Writes the draft when it changes, coalesced (the JSON editors change per keystroke). */
export function startPersistingRequestOptions(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = useComposerStore.subscribe((state, previous) => {
    if (state.options === previous.options || timer) return;
    timer = setTimeout(() => {
      timer = null;
      try {
        localStorage.setItem(requestOptionsStorageKey, JSON.stringify(useComposerStore.getState().options));
      } catch {
        // Storage full or disabled: the draft is a convenience.
      }
    }, 400);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
