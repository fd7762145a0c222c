// One shared lazy load of Monaco for every editor on the page.
import type { Monaco } from './monaco-setup';

let loading: Promise<Monaco> | null = null;

export function loadMonaco(): Promise<Monaco> {
  loading ??= import('./monaco-setup').then((module) => module.monaco);
  return loading;
}
