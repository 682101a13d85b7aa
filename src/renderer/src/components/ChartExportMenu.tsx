import { createContext, useContext, useEffect, useId, useRef, useState } from 'react';
import { safeFileName, type PngScale } from '../../../shared/exporting';
import { captureChart, captureChartPng, serially } from '../export/capture';
import { EXPORT_SKIP_ATTR } from '../export/chartSvg';
import { blobToBase64 } from '../export/png';
import { failure, saveExport, type ExportMessage } from '../export/save';

/** The folder name exports are named after ("<folder> - <chart title>"). */
export const ExportFolderContext = createContext<string>('Framescope');

type Choice = { readonly kind: 'svg' } | { readonly kind: 'png'; readonly scale: PngScale };
const CHOICES: readonly { readonly label: string; readonly choice: Choice }[] = [
  { label: 'SVG (vector)', choice: { kind: 'svg' } },
  { label: 'PNG 1×', choice: { kind: 'png', scale: 1 } },
  { label: 'PNG 2×', choice: { kind: 'png', scale: 2 } },
  { label: 'PNG 3×', choice: { kind: 'png', scale: 3 } },
];

/**
 * The "Export" button of a chart and its menu: SVG, PNG at 1×, 2× and 3×, and a "Light
 * background" checkbox. Keyboard: Enter or Space opens it, arrows (Home, End) move, Escape or
 * Tab closes it and focus returns to the button. Says what happened after every export.
 */
export function ChartExportMenu({ chartId, title }: { readonly chartId: string; readonly title: string }): React.JSX.Element {
  const folder = useContext(ExportFolderContext);
  const [open, setOpen] = useState(false);
  const [light, setLight] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ExportMessage | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = (): HTMLElement[] => [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);

  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const run = async (choice: Choice): Promise<void> => {
    close(true);
    setBusy(true);
    setMessage(null);
    const theme = light ? 'light' : 'current';
    const base = `${folder} - ${title}`;
    const what = choice.kind === 'svg' ? 'SVG export' : `PNG ${String(choice.scale)}× export`;
    try {
      const result = await serially(async () => {
        if (choice.kind === 'svg') {
          const svg = await captureChart(chartId, theme);
          return saveExport({ suggestedName: safeFileName(base, 'svg'), format: 'svg', content: { kind: 'text', text: svg.svg } }, what);
        }
        const { png } = await captureChartPng(chartId, theme, choice.scale);
        const name = safeFileName(`${base}${choice.scale > 1 ? ` @${String(choice.scale)}x` : ''}`, 'png');
        return saveExport({ suggestedName: name, format: 'png', content: { kind: 'base64', base64: await blobToBase64(png) } }, what);
      });
      setMessage(result);
    } catch (error) {
      setMessage(failure(what, error));
    } finally {
      setBusy(false);
    }
  };

  const onMenuKey = (e: React.KeyboardEvent): void => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (i: number): void => {
      e.preventDefault();
      list[(i + list.length) % list.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') close(false);
  };

  return (
    <div className="export-menu" {...{ [EXPORT_SKIP_ATTR]: '' }}>
      <button
        ref={button}
        type="button"
        className="export-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Export chart: ${title}`}
        disabled={busy}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {busy ? 'Exporting…' : 'Export'}
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={`Export ${title}`}
          className="export-popup"
          onKeyDown={onMenuKey}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget) && e.relatedTarget !== button.current) setOpen(false);
          }}
        >
          {CHOICES.map((c) => (
            <button key={c.label} type="button" role="menuitem" tabIndex={-1} onClick={() => void run(c.choice)}>
              {c.label}
            </button>
          ))}
          <button type="button" role="menuitemcheckbox" aria-checked={light} tabIndex={-1} className="export-check" onClick={() => setLight((l) => !l)}>
            <span aria-hidden="true">{light ? '☑' : '☐'}</span> Light background
          </button>
        </div>
      ) : null}
      {message ? (
        <p className={`export-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
          <button type="button" className="link" onClick={() => setMessage(null)} aria-label="Dismiss export message">
            ×
          </button>
        </p>
      ) : null}
    </div>
  );
}
