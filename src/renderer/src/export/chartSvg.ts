/**
 * A chart on screen as a standalone, real-vector SVG: what the reader sees (title, subtitle,
 * legend, the chart with its axis labels, the source note), with the filters applied.
 *
 * recharts' <svg> surfaces are cloned with their computed styles written as presentation
 * attributes (no classes, CSS variables or external references); the HTML parts (heatmap grids,
 * label chips, omission grid, legends, tables) are converted by layout: each box's background
 * and borders become <rect>/<line>, each text line (measured with Range rects) a <text>. The
 * Inter font the dashboard uses is embedded as a data: URL, with fallbacks. No foreignObject.
 */
import interRegular from '@fontsource/inter/files/inter-latin-400-normal.woff2?inline';
import interSemiBold from '@fontsource/inter/files/inter-latin-600-normal.woff2?inline';
import { escapeXml, exportWeight, groupLines, num, parseCssColor, type MeasuredWord } from './svgUtil';

export const EXPORT_FONT_FAMILY = "Inter, 'Noto Sans', Arial, sans-serif";

/** The @font-face rules of the exported font (woff2 as data: URLs). */
export function fontFaceCss(): string {
  const face = (weight: number, url: string): string =>
    `@font-face{font-family:'Inter';font-style:normal;font-weight:${String(weight)};src:url(${url}) format('woff2');}`;
  return face(400, interRegular) + face(600, interSemiBold);
}

export interface ChartSvgOptions {
  /** Embed the font (a standalone file); false inside the report, which embeds it once. */
  readonly embedFont: boolean;
  /** Prefix for ids inside the SVG, so several charts can share one HTML page. */
  readonly idPrefix: string;
}

export interface ChartSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly title: string;
}

/** Marks parts of a chart frame that are controls, not content (the export menu). */
export const EXPORT_SKIP_ATTR = 'data-export-skip';

const SVG_NS = 'http://www.w3.org/2000/svg';
const SHAPES = new Set(['rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path', 'text', 'tspan', 'use']);
const TEXTS = new Set(['text', 'tspan']);

class Canvas {
  readonly parts: string[] = [];
  minX = 0;
  minY = 0;
  maxX = 0;
  maxY = 0;
  constructor(
    readonly ox: number,
    readonly oy: number,
  ) {}
  extend(x: number, y: number, w: number, h: number): void {
    this.minX = Math.min(this.minX, x);
    this.minY = Math.min(this.minY, y);
    this.maxX = Math.max(this.maxX, x + w);
    this.maxY = Math.max(this.maxY, y + h);
  }
}

function paintAttrs(name: 'fill' | 'stroke', cssValue: string, opacity = 1): string {
  const p = parseCssColor(cssValue);
  if (p.colour === 'none' || p.alpha === 0) return ` ${name}="none"`;
  const alpha = p.alpha * opacity;
  return ` ${name}="${escapeXml(p.colour)}"${alpha < 1 ? ` ${name}-opacity="${num(alpha)}"` : ''}`;
}

function px(value: string): number {
  const n = parseFloat(value);
  return Number.isFinite(n) ? n : 0;
}

function dashFor(style: string, width: number): string {
  if (style === 'dashed') return ` stroke-dasharray="${num(width * 3)} ${num(width * 2)}"`;
  if (style === 'dotted') return ` stroke-dasharray="${num(width)} ${num(width)}"`;
  return '';
}

/** Background and borders of one HTML box. */
function emitBox(c: Canvas, el: Element, cs: CSSStyleDeclaration, opacity: number): void {
  const r = el.getBoundingClientRect();
  if (r.width <= 0 || r.height <= 0) return;
  const x = r.left - c.ox;
  const y = r.top - c.oy;
  const radius = Math.min(px(cs.borderTopLeftRadius), r.height / 2, r.width / 2);
  const rx = radius > 0 ? ` rx="${num(radius)}"` : '';
  const bg = parseCssColor(cs.backgroundColor);
  if (bg.colour !== 'none' && bg.alpha > 0) {
    c.parts.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(r.width)}" height="${num(r.height)}"${rx}${paintAttrs('fill', cs.backgroundColor, opacity)}/>`);
    c.extend(x, y, r.width, r.height);
  }
  const sides = [
    { w: px(cs.borderTopWidth), style: cs.borderTopStyle, colour: cs.borderTopColor, x1: x, y1: y, x2: x + r.width, y2: y, dx: 0, dy: 1 },
    { w: px(cs.borderRightWidth), style: cs.borderRightStyle, colour: cs.borderRightColor, x1: x + r.width, y1: y, x2: x + r.width, y2: y + r.height, dx: -1, dy: 0 },
    { w: px(cs.borderBottomWidth), style: cs.borderBottomStyle, colour: cs.borderBottomColor, x1: x, y1: y + r.height, x2: x + r.width, y2: y + r.height, dx: 0, dy: -1 },
    { w: px(cs.borderLeftWidth), style: cs.borderLeftStyle, colour: cs.borderLeftColor, x1: x, y1: y, x2: x, y2: y + r.height, dx: 1, dy: 0 },
  ].filter((s) => s.w > 0 && s.style !== 'none' && s.style !== 'hidden' && parseCssColor(s.colour).alpha > 0);
  if (sides.length === 0) return;
  const first = sides[0];
  const uniform = first && sides.length === 4 && sides.every((s) => s.w === first.w && s.style === first.style && s.colour === first.colour);
  if (uniform) {
    const h = first.w / 2;
    c.parts.push(
      `<rect x="${num(x + h)}" y="${num(y + h)}" width="${num(r.width - first.w)}" height="${num(r.height - first.w)}"${radius > 0 ? ` rx="${num(Math.max(0, radius - h))}"` : ''} fill="none"${paintAttrs('stroke', first.colour, opacity)} stroke-width="${num(first.w)}"${dashFor(first.style, first.w)}/>`,
    );
  } else {
    for (const s of sides) {
      const ix = (s.dx * s.w) / 2;
      const iy = (s.dy * s.w) / 2;
      c.parts.push(
        `<line x1="${num(s.x1 + ix)}" y1="${num(s.y1 + iy)}" x2="${num(s.x2 + ix)}" y2="${num(s.y2 + iy)}"${paintAttrs('stroke', s.colour, opacity)} stroke-width="${num(s.w)}"${dashFor(s.style, s.w)}/>`,
      );
    }
  }
  c.extend(x, y, r.width, r.height);
}

function textAttrs(cs: CSSStyleDeclaration, opacity = 1): string {
  const size = px(cs.fontSize) || 15;
  const weight = exportWeight(cs.fontWeight);
  const italic = cs.fontStyle === 'italic' || cs.fontStyle.startsWith('oblique');
  const spacing = px(cs.letterSpacing);
  const decoration = cs.textDecorationLine.includes('line-through') ? ' text-decoration="line-through"' : cs.textDecorationLine.includes('underline') ? ' text-decoration="underline"' : '';
  return ` font-size="${num(size)}"${weight === 600 ? ' font-weight="600"' : ''}${italic ? ' font-style="italic"' : ''}${spacing ? ` letter-spacing="${num(spacing)}"` : ''}${decoration}${paintAttrs('fill', cs.color, opacity)}`;
}

function transformText(text: string, cs: CSSStyleDeclaration): string {
  if (cs.textTransform === 'uppercase') return text.toUpperCase();
  if (cs.textTransform === 'lowercase') return text.toLowerCase();
  return text;
}

/** One text node, line by line as the browser wrapped it. */
function emitText(c: Canvas, node: Text, cs: CSSStyleDeclaration, opacity: number): void {
  const data = node.data;
  if (!data.trim()) return;
  const range = document.createRange();
  const words: MeasuredWord[] = [];
  for (const m of data.matchAll(/\S+/g)) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const rect = [...range.getClientRects()].find((r) => r.width > 0);
    if (rect) words.push({ text: m[0], left: rect.left - c.ox, right: rect.right - c.ox, top: rect.top - c.oy, height: rect.height });
  }
  range.detach();
  const attrs = textAttrs(cs, opacity);
  for (const line of groupLines(words)) {
    // Baseline of Inter: ascent 0.969 em of a 1.21 em content box, ≈ 0.8 of the line rect.
    const baseline = line.top + line.height * 0.8;
    c.parts.push(`<text x="${num(line.left)}" y="${num(baseline)}"${attrs}>${escapeXml(transformText(line.text, cs))}</text>`);
    c.extend(line.left, line.top, line.right - line.left, line.height);
  }
}

/** A recharts surface (or any inline SVG): cloned, styles inlined as presentation attributes. */
function emitSvg(c: Canvas, svg: SVGSVGElement, idPrefix: string, opacity: number): void {
  const r = svg.getBoundingClientRect();
  if (r.width <= 0 || r.height <= 0) return;
  // Cloned into a detached XML document: style attributes copied there are not applied, so the
  // page's CSP (no inline styles) has nothing to refuse.
  const scratch = document.implementation.createDocument(SVG_NS, 'svg', null);
  const clone = scratch.importNode(svg, true);
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  const ids = new Map<string, string>();
  const drop: Element[] = [];
  originals.forEach((orig, i) => {
    const copy = copies[i];
    if (!copy) return;
    const tag = orig.localName;
    const cs = getComputedStyle(orig);
    if (tag === 'foreignObject' || tag === 'script' || tag === 'style' || tag === 'a' || cs.display === 'none' || orig.namespaceURI !== SVG_NS) {
      drop.push(copy);
      return;
    }
    for (const attr of [...copy.attributes]) {
      const n = attr.name;
      if (n === 'class' || n === 'style' || n === 'tabindex' || n === 'role' || n === 'focusable' || n.startsWith('aria-') || n.startsWith('data-') || n.startsWith('on')) copy.removeAttribute(n);
      else if ((n === 'href' || n === 'xlink:href') && !attr.value.startsWith('#')) copy.removeAttribute(n);
    }
    const id = copy.getAttribute('id');
    if (id) {
      const next = `${idPrefix}-${String(ids.size)}`;
      ids.set(id, next);
      copy.setAttribute('id', next);
    }
    if (cs.visibility === 'hidden') copy.setAttribute('visibility', 'hidden');
    const own = Number(cs.opacity);
    if (own < 1) copy.setAttribute('opacity', num(own));
    if (!SHAPES.has(tag)) return;
    const fill = parseCssColor(cs.fill.startsWith('url(') ? 'none' : cs.fill);
    if (cs.fill.startsWith('url(')) copy.setAttribute('fill', cs.fill.replace(/"/g, ''));
    else {
      copy.setAttribute('fill', fill.colour);
      if (fill.alpha < 1 && fill.colour !== 'none') copy.setAttribute('fill-opacity', num(fill.alpha * Number(cs.fillOpacity || 1)));
      else if (Number(cs.fillOpacity) < 1) copy.setAttribute('fill-opacity', num(Number(cs.fillOpacity)));
    }
    const stroke = parseCssColor(cs.stroke);
    copy.setAttribute('stroke', stroke.colour);
    if (stroke.colour !== 'none') {
      copy.setAttribute('stroke-width', num(px(cs.strokeWidth)));
      const so = stroke.alpha * Number(cs.strokeOpacity || 1);
      if (so < 1) copy.setAttribute('stroke-opacity', num(so));
      if (cs.strokeDasharray && cs.strokeDasharray !== 'none') copy.setAttribute('stroke-dasharray', cs.strokeDasharray.replace(/px/g, ''));
      if (cs.strokeLinecap !== 'butt') copy.setAttribute('stroke-linecap', cs.strokeLinecap);
      if (cs.strokeLinejoin !== 'miter') copy.setAttribute('stroke-linejoin', cs.strokeLinejoin);
    }
    if (TEXTS.has(tag)) {
      copy.setAttribute('font-size', num(px(cs.fontSize)));
      if (exportWeight(cs.fontWeight) === 600) copy.setAttribute('font-weight', '600');
      if (cs.fontStyle === 'italic') copy.setAttribute('font-style', 'italic');
      if (cs.textAnchor !== 'start') copy.setAttribute('text-anchor', cs.textAnchor);
      copy.removeAttribute('font-family');
    }
  });
  for (const d of drop) d.remove();
  // Internal references follow the renamed ids; anything else pointing outside was removed above.
  for (const el of [clone, ...clone.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      if (!attr.value.includes('#')) continue;
      const value = attr.value.replace(/url\(\s*["']?#([^"')]+)["']?\s*\)/g, (_m, id: string) => `url(#${ids.get(id) ?? id})`).replace(/^#(.+)$/, (_m, id: string) => `#${ids.get(id) ?? id}`);
      el.setAttribute(attr.name, value);
    }
  }
  const x = r.left - c.ox;
  const y = r.top - c.oy;
  clone.setAttribute('x', num(x));
  clone.setAttribute('y', num(y));
  clone.setAttribute('width', num(r.width));
  clone.setAttribute('height', num(r.height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${num(r.width)} ${num(r.height)}`);
  clone.setAttribute('overflow', 'visible');
  if (opacity < 1) clone.setAttribute('opacity', num(opacity * Number(clone.getAttribute('opacity') ?? 1)));
  clone.removeAttribute('xmlns');
  c.parts.push(new XMLSerializer().serializeToString(clone).replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '<svg'));
  c.extend(x, y, r.width, r.height);
}

function walk(c: Canvas, el: Element, idPrefix: string, inherited: number): void {
  if (el.hasAttribute(EXPORT_SKIP_ATTR)) return;
  if (el.classList.contains('recharts-tooltip-wrapper')) return;
  const cs = getComputedStyle(el);
  const opacity = inherited * Number(cs.opacity || 1);
  if (cs.display === 'none' || cs.visibility === 'hidden' || opacity === 0) return;
  if (el instanceof SVGSVGElement) {
    emitSvg(c, el, `${idPrefix}-${String(c.parts.length)}`, opacity);
    return;
  }
  if (el.namespaceURI === SVG_NS) return;
  emitBox(c, el, cs, opacity);
  if (el instanceof HTMLSelectElement) {
    // A select shows its chosen option; the option list itself is not on screen.
    const text = el.selectedOptions[0]?.textContent ?? '';
    const r = el.getBoundingClientRect();
    const size = px(cs.fontSize) || 15;
    c.parts.push(`<text x="${num(r.left - c.ox + px(cs.paddingLeft) + px(cs.borderLeftWidth) + 2)}" y="${num(r.top - c.oy + r.height / 2 + size * 0.35)}"${textAttrs(cs, opacity)}>${escapeXml(text)} ▾</text>`);
    return;
  }
  if (el instanceof HTMLInputElement) {
    if (el.type === 'checkbox' && el.checked) {
      const r = el.getBoundingClientRect();
      c.parts.push(`<path d="M${num(r.left - c.ox + 3)} ${num(r.top - c.oy + r.height / 2)} l3 3 l6 -7" fill="none"${paintAttrs('stroke', cs.color)} stroke-width="2"/>`);
    }
    return;
  }
  if (el instanceof HTMLImageElement || el instanceof HTMLCanvasElement || el instanceof HTMLIFrameElement) return;
  for (const child of el.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) emitText(c, child as Text, cs, opacity);
    else if (child instanceof Element) walk(c, child, idPrefix, opacity);
  }
}

/** The chart frame `figure` as a standalone SVG document. */
export function chartToSvg(figure: HTMLElement, options: ChartSvgOptions): ChartSvg {
  const origin = figure.getBoundingClientRect();
  const c = new Canvas(origin.left, origin.top);
  c.extend(0, 0, origin.width, origin.height);
  // Wide tables scroll inside the chart: export them whole, from their start.
  const scrolled = [...figure.querySelectorAll('*')].filter((e) => e.scrollLeft !== 0 || e.scrollTop !== 0).map((e) => [e, e.scrollLeft, e.scrollTop] as const);
  for (const [e] of scrolled) e.scrollTo(0, 0);
  try {
    walk(c, figure, options.idPrefix, 1);
  } finally {
    for (const [e, left, top] of scrolled) e.scrollTo(left, top);
  }
  const title = figure.querySelector('figcaption h3')?.textContent?.trim() ?? figure.getAttribute('data-chart') ?? 'Chart';
  const subtitle = figure.querySelector('figcaption .subtitle')?.textContent?.trim() ?? '';
  const source = figure.querySelector('.source-note')?.textContent?.trim() ?? '';
  const pad = 1;
  const minX = Math.floor(c.minX) - pad;
  const minY = Math.floor(c.minY) - pad;
  const width = Math.ceil(c.maxX - minX) + pad;
  const height = Math.ceil(c.maxY - minY) + pad;
  // The frame's own background spans everything drawn (wide tables included).
  const bg = parseCssColor(getComputedStyle(figure).backgroundColor);
  const background = bg.colour !== 'none' && bg.alpha > 0 ? `<rect x="${String(minX)}" y="${String(minY)}" width="${String(width)}" height="${String(height)}" fill="${bg.colour}"/>` : '';
  const p = escapeXml(options.idPrefix);
  const svg = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="${SVG_NS}" version="1.1" width="${String(width)}" height="${String(height)}" viewBox="${String(minX)} ${String(minY)} ${String(width)} ${String(height)}" role="img" aria-labelledby="${p}-title ${p}-desc">`,
    `<title id="${p}-title">${escapeXml(title)}</title>`,
    `<desc id="${p}-desc">${escapeXml([subtitle, source].filter(Boolean).join('. '))}</desc>`,
    options.embedFont ? `<style>${fontFaceCss()}</style>` : '',
    `<g font-family="${escapeXml(EXPORT_FONT_FAMILY)}">`,
    background,
    ...c.parts,
    '</g>',
    '</svg>',
  ]
    .filter(Boolean)
    .join('\n');
  return { svg, width, height, title };
}
