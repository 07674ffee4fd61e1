import type { BaseWindow, MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** View › Reload (Ctrl+R): main saves the window's pending typing first, then reloads it. */
  reload?: (window: BaseWindow | undefined) => void;
}

/** The usual menus, by role, so shortcuts (copy, undo, zoom, quit) behave as on every desktop app. */
export function buildMenuTemplate(platform: string, appName: string, actions: MenuActions = {}): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: 'View',
      submenu: [
        actions.reload ? { label: 'Reload', accelerator: 'CmdOrCtrl+R', click: (_item, window) => actions.reload!(window) } : { role: 'reload' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      submenu: isMac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
    },
  );
  return template;
}
