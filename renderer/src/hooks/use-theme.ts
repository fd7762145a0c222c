// Resolves the theme preference (system follows prefers-color-scheme) and applies it to <html>.
import { useEffect, useSyncExternalStore } from 'react';
import { useAppStore } from '../state/app-store';

const lightQuery = '(prefers-color-scheme: light)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(lightQuery);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

function systemPrefersLight(): boolean {
  return window.matchMedia(lightQuery).matches;
}

export type ResolvedTheme = 'dark' | 'light';

export function useResolvedTheme(): ResolvedTheme {
  const preference = useAppStore((state) => state.theme);
  const prefersLight = useSyncExternalStore(subscribe, systemPrefersLight);
  if (preference === 'system') return prefersLight ? 'light' : 'dark';
  return preference;
}

export function useApplyTheme(): ResolvedTheme {
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return theme;
}
