// Writes UI prefs to localStorage when they change. Only the allow-listed fields of Prefs: never keys or prompts.
import { useAppStore } from './app-store';
import { useComposerStore } from './composer-store';
import type { Prefs } from './prefs';
import { savePrefs } from './prefs-storage';

function currentPrefs(): Prefs {
  const app = useAppStore.getState();
  const composer = useComposerStore.getState();
  return {
    connectionId: app.selectedConnectionId,
    targets: composer.targets,
    temperature: composer.temperature,
    maxTokens: composer.maxTokens,
    theme: app.theme,
    systemPromptOpen: composer.systemPromptOpen,
    syncScroll: app.syncScroll,
  };
}

export function startPersistingPrefs(): () => void {
  let last = JSON.stringify(currentPrefs());
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = () => {
    if (timer) return;
    // Coalesced: typing in the temperature box should not write storage per keystroke.
    timer = setTimeout(() => {
      timer = null;
      const prefs = currentPrefs();
      const serialized = JSON.stringify(prefs);
      if (serialized === last) return;
      last = serialized;
      savePrefs(prefs);
    }, 300);
  };
  const unsubscribeApp = useAppStore.subscribe(schedule);
  const unsubscribeComposer = useComposerStore.subscribe((state, previous) => {
    // Prompts change per keystroke and are not prefs: only the pref fields schedule a write.
    if (
      state.targets !== previous.targets ||
      state.temperature !== previous.temperature ||
      state.maxTokens !== previous.maxTokens ||
      state.systemPromptOpen !== previous.systemPromptOpen
    ) {
      schedule();
    }
  });
  return () => {
    unsubscribeApp();
    unsubscribeComposer();
    if (timer) clearTimeout(timer);
  };
}
