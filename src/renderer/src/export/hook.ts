/**
 * `window.framescopeExport`: the automation hook the command line drives in headless Chromium
 * to get the same files the export menus save.
 */
import { EXPORT_HOOK_NAME, PNG_SCALES, type ExportHook } from '../../../shared/exporting';
import { captureChart, captureChartPng, listCharts, serially } from './capture';
import { collectReportHtml, type DashboardContext } from './collect';
import { blobToBase64 } from './png';

declare global {
  interface Window {
    [EXPORT_HOOK_NAME]?: ExportHook;
  }
}

function ready(getContext: () => DashboardContext | null): DashboardContext {
  const ctx = getContext();
  if (!ctx) throw new Error('No analysis is open yet: wait for the dashboard to show it (data-ready="true").');
  return ctx;
}

export function createExportHook(getContext: () => DashboardContext | null): ExportHook {
  return {
    charts: () =>
      serially(async () => {
        ready(getContext);
        return listCharts();
      }),
    chartSvg: (id, options) =>
      serially(async () => {
        ready(getContext);
        return (await captureChart(id, options.theme)).svg;
      }),
    chartPng: (id, options) =>
      serially(async () => {
        ready(getContext);
        if (!(PNG_SCALES as readonly number[]).includes(options.scale)) throw new Error(`PNG scale must be one of ${PNG_SCALES.join(', ')}.`);
        return blobToBase64((await captureChartPng(id, options.theme, options.scale)).png);
      }),
    reportHtml: (options) => serially(() => collectReportHtml(ready(getContext), options.theme)),
  };
}

/** Registers the hook on the window; returns the function that removes it. */
export function installExportHook(getContext: () => DashboardContext | null): () => void {
  const hook = createExportHook(getContext);
  window[EXPORT_HOOK_NAME] = hook;
  return () => {
    if (window[EXPORT_HOOK_NAME] === hook) Reflect.deleteProperty(window, EXPORT_HOOK_NAME);
  };
}
