import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../src/main/dispatch';
import { analyzeFolder } from '../../src/main/engine';
import { REPORT_CSP, ReportPages, dialogSaveFile, electronRenderPdf, pdfWindowOptions, saveDialogOptions } from '../../src/main/export/desktop';
import { createService, type ServiceDeps } from '../../src/main/service';
import type { ExportFormat } from '../../src/shared/exporting';
import { REQUEST_SCHEMAS } from '../../src/shared/schemas';

const seedsDir = path.resolve('seeds');

function service(extra: Partial<ServiceDeps> = {}) {
  return createService({ seedsDir, analyze: analyzeFolder, ...extra });
}

describe('export handlers', () => {
  it('hands a file back to download in browser mode, with a sanitised name and its MIME type', async () => {
    const svc = service();
    const result = await dispatch(svc.handlers, 'saveExport', {
      suggestedName: '../../Tone by outlet: seeds.svg',
      format: 'svg',
      content: { kind: 'text', text: '<svg xmlns="http://www.w3.org/2000/svg"/>' },
    });
    expect(result).toMatchObject({ ok: true, value: { saved: true, download: { name: 'Tone by outlet- seeds.svg', mime: 'image/svg+xml' } } });
    if (!result.ok) return;
    const { download } = result.value as { download: { base64: string } };
    expect(Buffer.from(download.base64, 'base64').toString('utf8')).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
  });

  it('passes bytes to the injected saveFile, and reports a closed dialog as not saved', async () => {
    const saveFile = vi.fn((_name: string, _format: ExportFormat, _bytes: Uint8Array) => Promise.resolve({ saved: true, file: '/home/u/Documents/chart.png' }));
    const svc = service({ saveFile });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64');
    const result = await dispatch(svc.handlers, 'saveExport', { suggestedName: 'con', format: 'png', content: { kind: 'base64', base64: png } });
    expect(result).toEqual({ ok: true, value: { saved: true, file: '/home/u/Documents/chart.png' } });
    expect(saveFile).toHaveBeenCalledOnce();
    const [name, format, bytes] = saveFile.mock.calls[0] ?? [];
    expect(name).toBe('framescope-export.png');
    expect(format).toBe('png');
    expect([...(bytes ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    const cancelled = service({ saveFile: () => Promise.resolve({ saved: false }) });
    expect(await dispatch(cancelled.handlers, 'saveExport', { suggestedName: 'x', format: 'png', content: { kind: 'base64', base64: png } })).toEqual({
      ok: true,
      value: { saved: false },
    });
  });

  it('says why a save failed', async () => {
    const svc = service({ saveFile: () => Promise.reject(new Error('disk on fire')) });
    const result = await dispatch(svc.handlers, 'saveExport', { suggestedName: 'x', format: 'html', content: { kind: 'text', text: '<p>hi</p>' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_EXPORT_FAILED' } });
    expect(!result.ok && result.error.message).toContain('disk on fire');
  });

  it('prints the report with the injected renderPdf, and says when there is none', async () => {
    const renderPdf = vi.fn((html: string) => Promise.resolve(new Uint8Array(Buffer.from(`%PDF-1.7 ${html.length}`))));
    const svc = service({ renderPdf });
    const result = await dispatch(svc.handlers, 'exportPdf', { suggestedName: 'Report', html: '<h1>Report</h1>' });
    expect(result).toMatchObject({ ok: true, value: { download: { name: 'Report.pdf', mime: 'application/pdf' } } });
    expect(renderPdf).toHaveBeenCalledWith('<h1>Report</h1>');
    expect(await dispatch(service().handlers, 'exportPdf', { suggestedName: 'Report', html: '<h1>R</h1>' })).toMatchObject({
      ok: false,
      error: { code: 'E_UNSUPPORTED' },
    });
    const broken = service({ renderPdf: () => Promise.reject(new Error('printer jam')) });
    const failed = await dispatch(broken.handlers, 'exportPdf', { suggestedName: 'Report', html: '<h1>R</h1>' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'E_EXPORT_FAILED' } });
  });

  it('exports the open analysis as JSON and one table as CSV; refuses before an analysis and a CSV without a table', async () => {
    const svc = service();
    expect(await dispatch(svc.handlers, 'exportData', { suggestedName: 'seeds', format: 'json' })).toMatchObject({ ok: false, error: { code: 'E_NOT_READY' } });
    await svc.handlers.openSeeds(undefined);
    const json = await dispatch(svc.handlers, 'exportData', { suggestedName: 'seeds', format: 'json' });
    expect(json).toMatchObject({ ok: true, value: { download: { name: 'seeds.json', mime: 'application/json' } } });
    if (!json.ok) return;
    const doc = JSON.parse(Buffer.from((json.value as { download: { base64: string } }).download.base64, 'base64').toString('utf8')) as {
      schemaVersion: number;
      tables: Record<string, unknown[]>;
    };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.tables.articles).toHaveLength(5);
    const csv = await dispatch(svc.handlers, 'exportData', { suggestedName: 'seeds articles', format: 'csv', table: 'articles' });
    expect(csv).toMatchObject({ ok: true, value: { download: { name: 'seeds articles.csv', mime: 'text/csv;charset=utf-8' } } });
    const noTable = await dispatch(svc.handlers, 'exportData', { suggestedName: 'seeds', format: 'csv' });
    expect(noTable).toMatchObject({ ok: false, error: { code: 'E_INVALID_PAYLOAD' } });
  });

  it('rejects payloads outside the contract', async () => {
    const svc = service();
    const bad: [string, unknown][] = [
      ['saveExport', { suggestedName: '', format: 'svg', content: { kind: 'text', text: 'x' } }],
      ['saveExport', { suggestedName: 'x'.repeat(201), format: 'svg', content: { kind: 'text', text: 'x' } }],
      ['saveExport', { suggestedName: 'a\u0000b', format: 'svg', content: { kind: 'text', text: 'x' } }],
      ['saveExport', { suggestedName: 'x', format: 'exe', content: { kind: 'text', text: 'x' } }],
      ['saveExport', { suggestedName: 'x', format: 'png', content: { kind: 'base64', base64: 'not base64!' } }],
      ['saveExport', { suggestedName: 'x', format: 'png', content: { kind: 'file', path: '/etc/passwd' } }],
      ['saveExport', { suggestedName: 'x', format: 'svg', content: { kind: 'text', text: 'x' }, path: '/tmp/x' }],
      ['exportPdf', { suggestedName: 'x', html: '' }],
      ['exportData', { suggestedName: 'x', format: 'pdf' }],
      ['exportData', { suggestedName: 'x', format: 'csv', table: 'passwords' }],
    ];
    for (const [method, payload] of bad) {
      expect(await dispatch(svc.handlers, method, payload), JSON.stringify(payload).slice(0, 80)).toMatchObject({
        ok: false,
        error: { code: 'E_INVALID_PAYLOAD' },
      });
    }
  });

  it('bounds export content at 64 MB', () => {
    const big = 'x'.repeat(64 * 1024 * 1024 + 1);
    expect(REQUEST_SCHEMAS.exportPdf.safeParse({ suggestedName: 'r', html: big }).success).toBe(false);
    expect(REQUEST_SCHEMAS.saveExport.safeParse({ suggestedName: 'r', format: 'html', content: { kind: 'text', text: big } }).success).toBe(false);
    expect(REQUEST_SCHEMAS.saveExport.safeParse({ suggestedName: 'r', format: 'html', content: { kind: 'text', text: big.slice(1) } }).success).toBe(true);
  });
});

describe('desktop export side effects', () => {
  it('proposes the sanitised name in the default folder, asks before overwriting, and writes what the user chose', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fs-exp-'));
    const showSaveDialog = vi.fn(() => Promise.resolve({ canceled: false, filePath: path.join(dir, 'tone') }));
    const save = dialogSaveFile({ showSaveDialog, defaultDir: () => dir });
    const result = await save('tone.svg', 'svg', Buffer.from('<svg/>'));
    expect(result).toEqual({ saved: true, file: path.join(dir, 'tone.svg') });
    expect(showSaveDialog).toHaveBeenCalledWith(saveDialogOptions('tone.svg', 'svg', dir));
    expect(saveDialogOptions('tone.svg', 'svg', dir).properties).toContain('showOverwriteConfirmation');
    expect(await readFile(path.join(dir, 'tone.svg'), 'utf8')).toBe('<svg/>');
    // The dialog already asked: the chosen existing file is replaced, atomically, nothing else left.
    await writeFile(path.join(dir, 'old.svg'), 'old');
    const again = dialogSaveFile({ showSaveDialog: () => Promise.resolve({ canceled: false, filePath: path.join(dir, 'old.svg') }), defaultDir: () => dir });
    await again('old.svg', 'svg', Buffer.from('new'));
    expect(await readFile(path.join(dir, 'old.svg'), 'utf8')).toBe('new');
    expect((await readdir(dir)).sort()).toEqual(['old.svg', 'tone.svg']);
    const cancel = dialogSaveFile({ showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' }), defaultDir: () => dir });
    expect(await cancel('x.svg', 'svg', Buffer.from('x'))).toEqual({ saved: false });
  });

  it('prints PDF in a hidden sandboxed window with JavaScript off from an in-memory page, then closes it and forgets the page', async () => {
    const pages = new ReportPages();
    let loaded = '';
    const destroy = vi.fn();
    const factory = vi.fn(() => ({
      loadURL: (url: string) => {
        loaded = url;
        return Promise.resolve();
      },
      webContents: {
        printToPDF: async () => {
          const res = pages.respond(loaded);
          expect(res.headers.get('content-security-policy')).toBe(REPORT_CSP);
          return Buffer.concat([Buffer.from('%PDF '), Buffer.from(await res.text())]);
        },
      },
      destroy,
    }));
    const pdf = await electronRenderPdf(factory, pages)('<h1>Report</h1>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF <h1>Report</h1>');
    expect(loaded).toMatch(/^app:\/\/framescope\/report-[0-9a-f]{24}\.html$/);
    expect(factory).toHaveBeenCalledWith(pdfWindowOptions());
    const prefs = pdfWindowOptions().webPreferences;
    expect(prefs).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(prefs?.preload).toBeUndefined();
    expect(pdfWindowOptions().show).toBe(false);
    expect(destroy).toHaveBeenCalledOnce();
    expect(pages.respond(loaded).status).toBe(404);
    expect(pages.respond('app://framescope/index.html').status).toBe(404);

    const failing = electronRenderPdf(
      () => ({ loadURL: () => Promise.reject(new Error('load failed')), webContents: { printToPDF: () => Promise.reject(new Error('x')) }, destroy }),
      pages,
    );
    await expect(failing('<p/>')).rejects.toMatchObject({ code: 'E_EXPORT_FAILED' });
    expect(destroy).toHaveBeenCalledTimes(2);
  });
});

describe('exports over browser-mode HTTP', () => {
  it('accepts files of several megabytes for saveExport, while other methods keep the small body limit', async () => {
    const { startBrowserServer } = await import('../../src/main/browser/server');
    const rendererDir = await mkdtemp(path.join(os.tmpdir(), 'fs-exp-renderer-'));
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    const server = await startBrowserServer({ service: service(), rendererDir, token: 'export-token' });
    try {
      const post = (method: string, payload: unknown) =>
        fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-framescope-token': 'export-token' },
          body: JSON.stringify({ payload }),
        });
      const text = `<p>${'x'.repeat(3 * 1024 * 1024)}</p>`;
      const big = await post('saveExport', { suggestedName: 'report', format: 'html', content: { kind: 'text', text } });
      expect(big.status).toBe(200);
      const body = (await big.json()) as { ok: boolean; value: { download: { name: string; base64: string } } };
      expect(body.ok).toBe(true);
      expect(body.value.download.name).toBe('report.html');
      expect(Buffer.from(body.value.download.base64, 'base64').toString('utf8')).toBe(text);
      const refused = await post('getEvidence', { key: 'x'.repeat(200 * 1024) });
      expect(refused.status).toBe(413);
    } finally {
      await server.close();
    }
  });
});
