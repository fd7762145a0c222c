// localStorage access for prefs, tolerant of storage being unavailable (privacy modes, quotas).
import { parsePrefs, prefsStorageKey, serializePrefs, type Prefs } from './prefs';

export type { ThemePreference } from './prefs';

export function loadPrefs(): Prefs {
  try {
    return parsePrefs(localStorage.getItem(prefsStorageKey));
  } catch {
    return parsePrefs(null);
  }
}

export function savePrefs(prefs: Prefs): void {
  try {
    localStorage.setItem(prefsStorageKey, serializePrefs(prefs));
  } catch {
    // Storage full or disabled: prefs are a convenience, the app works without them.
  }
}
