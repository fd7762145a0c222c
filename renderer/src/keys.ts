// Platform-aware shortcut labels.
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const runShortcut = isMac ? '⌘↵' : 'Ctrl+Enter';
