/**
 * Electron entry point: app lifecycle, the app:// protocol, the window, menus and dialogs.
 * Everything with logic lives in modules that take Electron objects as parameters.
 */
import { readFile } from 'node:fs/promises';
import { BrowserWindow, Menu, app, dialog, protocol, session, shell } from 'electron';
import { eventChannel } from '../shared/contract';
import path from 'node:path';
import { analyzeFolder } from './engine';
import { isTrustedFrameUrl, registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { appPaths, bundleDir, folderFromArgs } from './paths';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY, mimeType, resolveAppUrl } from './protocol';
import { watchFolderLazily } from './folderWatch';
import { createService } from './service';
import { createHiddenWindow, createMainWindow, denyAllPermissions, hardenWebContents } from './window';
import { PDF_PARTITION, ReportPages, dialogSaveFile, electronRenderPdf } from './export/desktop';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  const paths = appPaths(bundleDir(import.meta.url), app.isPackaged ? process.resourcesPath : undefined);
  let win: BrowserWindow | null = null;
  const reportPages = new ReportPages();

  const service = createService({
    seedsDir: paths.seedsDir,
    analyze: (dir, options) =>
      analyzeFolder(dir, { ...options, workerFile: paths.workerFile, cacheDir: path.join(app.getPath('userData'), 'analysis-cache') }),
    chooseFolder: async () => {
      const options = { title: 'Open article folder', properties: ['openDirectory' as const] };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    openExternal: (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK — the service passes only URLs that parseExternalUrl accepted (absolute https, no credentials)
    log: (message) => console.error(message),
    watch: watchFolderLazily,
    saveFile: dialogSaveFile({
      showSaveDialog: (options) => (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options)),
      defaultDir: () => {
        for (const name of ['documents', 'downloads'] as const) {
          try {
            return app.getPath(name);
          } catch {
            // Not every system has both folders; try the next one.
          }
        }
        return app.getPath('home');
      },
    }),
    renderPdf: electronRenderPdf((options) => createHiddenWindow(BrowserWindow, options), reportPages),
  });
  service.onProgress((progress) => win?.webContents.send(eventChannel('progress'), progress));

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', (_event, argv) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    const folder = folderFromArgs(argv.slice(app.isPackaged ? 1 : 2));
    if (folder) void service.open(folder);
  });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  const pdfSession = session.fromPartition(PDF_PARTITION);
  denyAllPermissions(pdfSession);
  pdfSession.protocol.handle(APP_SCHEME, (request) => reportPages.respond(request.url));
  pdfSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(details.url.startsWith(`${APP_SCHEME}://${APP_HOST}/report-`) || details.url.startsWith('data:')) });
  });
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppUrl(paths.rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'content-type': mimeType(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  // `npm run dev` serves the renderer from electron-vite's dev server; a packaged or built app
  // always loads app://framescope/.
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const devOrigin = devUrl ? new URL(devUrl).origin : null;

  win = createMainWindow(BrowserWindow, { preloadPath: paths.preloadPath });
  registerIpcHandlers(
    win.webContents.ipc,
    service.handlers,
    (event) => event.senderFrame !== null && (isTrustedFrameUrl(event.senderFrame.url) || (devOrigin !== null && new URL(event.senderFrame.url).origin === devOrigin)),
  );

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        openFolder: () => void service.handlers.openFolder(undefined),
        openSeeds: () => void service.handlers.openSeeds(undefined),
        isMac: process.platform === 'darwin',
      }),
    ),
  );

  const folder = folderFromArgs(process.argv.slice(app.isPackaged ? 1 : 2));
  if (folder) await service.open(folder);
  await win.loadURL(devUrl ?? `${APP_SCHEME}://${APP_HOST}/index.html`);
}
