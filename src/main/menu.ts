/** The application menu as plain data, so its accelerators and actions are unit-tested. */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  readonly openFolder: () => void;
  readonly openSeeds: () => void;
  readonly isMac: boolean;
}

export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
      { label: 'Open Sample Articles', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openSeeds() },
      { type: 'separator' },
      actions.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const template: MenuItemConstructorOptions[] = [file, { role: 'editMenu' }, { role: 'viewMenu' }, { role: 'windowMenu' }];
  if (actions.isMac) template.unshift({ role: 'appMenu' });
  return template;
}
