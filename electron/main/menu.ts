// The application menu: standard roles plus Juxta's commands with their accelerators. A command
// item only forwards its MenuCommand (shared/menu-commands.ts) to the renderer, which runs it
// exactly as its own palette and key handlers would; main keeps no UI state.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/menu-commands';

export interface MenuOptions {
  isMac: boolean;
  isDev: boolean;
  /** Sends the command to Juxta's window (webContents.send on menuCommandChannel). */
  sendCommand(command: MenuCommand): void;
  /** Help > Reveal Log: shell.showItemInFolder on the log file. */
  revealLog(): void;
  /** Export stays disabled until the export feature exists. */
  exportEnabled?: boolean;
}

/** Accelerators per command. macOS keeps Cmd+H for Hide, so history there is Cmd+Y (as in Safari). */
export function commandAccelerators(isMac: boolean): Record<MenuCommand, string> {
  return {
    run: 'CmdOrCtrl+Enter',
    stop: 'Escape',
    'new-comparison': 'CmdOrCtrl+N',
    'open-history': isMac ? 'Cmd+Y' : 'Ctrl+H',
    export: 'CmdOrCtrl+Shift+E',
  };
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const keys = commandAccelerators(options.isMac);
  const command = (id: MenuCommand, label: string, extra: Partial<MenuItemConstructorOptions> = {}): MenuItemConstructorOptions => ({
    id,
    label,
    accelerator: keys[id],
    click: () => options.sendCommand(id),
    ...extra,
  });
  const developerItems: MenuItemConstructorOptions[] = options.isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];

  return [
    ...(options.isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        command('new-comparison', 'New Comparison'),
        command('open-history', 'Open History'),
        { type: 'separator' },
        command('export', 'Export…', { enabled: options.exportEnabled === true }),
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Run',
      submenu: [
        command('run', 'Run'),
        // Esc is the renderer's own key (it also closes Monaco's widgets and the page's dialogs), so
        // a menu accelerator must not take it: shown but not registered on Windows and Linux, and
        // left out on macOS, where registerAccelerator does not apply.
        options.isMac ? command('stop', 'Stop', { accelerator: undefined }) : command('stop', 'Stop', { registerAccelerator: false }),
      ],
    },
    {
      label: 'View',
      submenu: [
        ...developerItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ id: 'reveal-log', label: options.isMac ? 'Reveal Log in Finder' : 'Reveal Log', click: () => options.revealLog() }],
    },
  ];
}
