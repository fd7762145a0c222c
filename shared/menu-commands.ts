// The app's commands that the desktop menu (and its accelerators) sends to the renderer, through
// the preload's onMenuCommand on the one fixed menuCommandChannel (method-names.ts). The renderer
// runs the same commands from its own palette and key handlers, so both hosts share this list.
export const menuCommands = ['run', 'stop', 'new-comparison', 'open-history', 'export'] as const;

export type MenuCommand = (typeof menuCommands)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (menuCommands as readonly string[]).includes(value);
}
