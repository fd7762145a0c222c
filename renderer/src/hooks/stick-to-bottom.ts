// Scrolls followed columns to the bottom once per commit, after every column has written its DOM:
// reading scrollHeight in each column's own layout effect would force one layout per column per frame.
const waiting = new Set<HTMLElement>();
let queued = false;

function scrollAll(): void {
  queued = false;
  for (const element of waiting) {
    // The first read lays out once; scroll offsets do not invalidate layout, so the rest are free.
    const bottom = element.scrollHeight - element.clientHeight;
    if (bottom - element.scrollTop > 1) element.scrollTop = bottom;
  }
  waiting.clear();
}

/** Call from a layout effect: runs before the browser paints (microtasks drain before rendering). */
export function scrollToBottomSoon(element: HTMLElement): void {
  waiting.add(element);
  if (!queued) {
    queued = true;
    queueMicrotask(scrollAll);
  }
}
