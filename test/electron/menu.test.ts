// The application menu: standard roles, Juxta's commands with their accelerators, each command
// item forwarding only its MenuCommand, Export disabled until it exists, Help > Reveal Log.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, commandAccelerators } from '../../electron/main/menu';
import { isMenuCommand, menuCommands, type MenuCommand } from '../../shared/menu-commands';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(isMac: boolean, exportEnabled?: boolean) {
  const sendCommand = vi.fn<(command: MenuCommand) => void>();
  const revealLog = vi.fn();
  const items = flatten(buildMenuTemplate({ isMac, isDev: false, sendCommand, revealLog, exportEnabled }));
  const byId = (id: string) => {
    const item = items.find((candidate) => candidate.id === id);
    if (!item) throw new Error(`no menu item ${id}`);
    return item;
  };
  const click = (id: string) => (byId(id).click as (() => void) | undefined)?.();
  return { items, byId, click, sendCommand, revealLog };
}

describe.each([
  ['Windows/Linux', false],
  ['macOS', true],
])('application menu on %s', (_platform, isMac) => {
  it('has one item per command, each sending exactly its command', () => {
    const menu = build(isMac, true);
    for (const command of menuCommands) {
      menu.click(command);
      expect(menu.sendCommand).toHaveBeenLastCalledWith(command);
    }
    expect(menu.sendCommand).toHaveBeenCalledTimes(menuCommands.length);
  });

  it('uses the agreed accelerators and no accelerator twice', () => {
    const menu = build(isMac);
    expect(menu.byId('run').accelerator).toBe('CmdOrCtrl+Enter');
    expect(menu.byId('new-comparison').accelerator).toBe('CmdOrCtrl+N');
    expect(menu.byId('open-history').accelerator).toBe(isMac ? 'Cmd+Y' : 'Ctrl+H');
    const accelerators = menu.items.map((item) => item.accelerator).filter((key): key is string => typeof key === 'string');
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('shows Esc for Stop without taking the key from the page', () => {
    const stop = build(isMac).byId('stop');
    if (isMac) expect(stop.accelerator).toBeUndefined();
    else expect(stop).toMatchObject({ accelerator: 'Escape', registerAccelerator: false });
  });

  it('keeps Export disabled until the feature exists', () => {
    expect(build(isMac).byId('export').enabled).toBe(false);
    expect(build(isMac, true).byId('export').enabled).toBe(true);
  });

  it('reveals the log from Help', () => {
    const menu = build(isMac);
    const help = buildMenuTemplate({ isMac, isDev: false, sendCommand: vi.fn(), revealLog: vi.fn() }).at(-1);
    expect(help?.role).toBe('help');
    menu.click('reveal-log');
    expect(menu.revealLog).toHaveBeenCalledTimes(1);
  });

  it('keeps the standard roles, and developer tools only in development', () => {
    const roles = build(isMac).items.map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'togglefullscreen', 'zoomIn', isMac ? 'close' : 'quit']));
    if (isMac) expect(roles[0]).toBe('appMenu');
    expect(roles).not.toContain('toggleDevTools');
    const dev = flatten(buildMenuTemplate({ isMac, isDev: true, sendCommand: vi.fn(), revealLog: vi.fn() }));
    expect(dev.map((item) => item.role)).toContain('toggleDevTools');
  });
});

describe('menu commands in shared/', () => {
  it('has an accelerator for every command and recognises only its own names', () => {
    expect(Object.keys(commandAccelerators(false)).sort()).toEqual([...menuCommands].sort());
    expect(menuCommands.every(isMenuCommand)).toBe(true);
    for (const value of ['Run', 'run ', '', null, undefined, 1, ['run'], { run: true }]) expect(isMenuCommand(value)).toBe(false);
  });
});
