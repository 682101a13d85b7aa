/** The small square in an outlet's colour, the same on every chart, table and list. */
export function OutletSwatch({ outlet, colours }: { readonly outlet: string; readonly colours: ReadonlyMap<string, string> }): React.JSX.Element {
  return <span className="swatch" style={{ background: colours.get(outlet) ?? '#777777' }} aria-hidden="true" />;
}
