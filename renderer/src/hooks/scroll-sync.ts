// Optional synchronised scrolling across result columns: scrolling one moves the others to the
// same relative position.
import { useAppStore } from '../state/app-store';

const scrollers = new Set<HTMLElement>();
let syncing = false;

export function registerScroller(element: HTMLElement): () => void {
  scrollers.add(element);
  return () => scrollers.delete(element);
}

export function syncScrollFrom(source: HTMLElement): void {
  // The scroll events our own assignments cause arrive before the next frame: ignore them.
  if (syncing || !useAppStore.getState().syncScroll) return;
  const range = source.scrollHeight - source.clientHeight;
  const ratio = range > 0 ? source.scrollTop / range : 0;
  syncing = true;
  for (const element of scrollers) {
    if (element === source) continue;
    element.scrollTop = ratio * (element.scrollHeight - element.clientHeight);
  }
  requestAnimationFrame(() => {
    syncing = false;
  });
}
