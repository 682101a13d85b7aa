/**
 * The one place that owns colours. Outlets get stable colours from a colour-blind-safe palette
 * (Okabe & Ito 2008), assigned in the corpus's outlet order so every chart agrees; a user's own
 * choice wins.
 */
export const OUTLET_PALETTE = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#F0E442', // yellow
  '#000000', // black (drawn as grey in dark mode)
] as const;

/** Diverging scale for tone: negative → vermillion, positive → blue, readable without colour too. */
export const TONE_NEGATIVE = '#D55E00';
export const TONE_POSITIVE = '#0072B2';
export const TONE_NEUTRAL = '#999999';

export function outletColours(
  outlets: readonly string[],
  overrides: Readonly<Record<string, string>> = {},
): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  outlets.forEach((name, i) => {
    map.set(name, overrides[name] ?? OUTLET_PALETTE[i % OUTLET_PALETTE.length] ?? '#777777');
  });
  return map;
}

/** Chart tooltips: system colours, so they follow light and dark. */
export const TOOLTIP_STYLE = {
  background: 'Canvas',
  color: 'CanvasText',
  border: '1px solid #888888',
  borderRadius: 4,
  padding: '6px 8px',
  fontSize: 12,
  maxWidth: 320,
} as const;
