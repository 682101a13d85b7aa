import { useRef } from 'react';

export interface TabItem<T extends string> {
  readonly id: T;
  readonly label: string;
}

/** WAI-ARIA tabs: arrow keys, Home and End move between tabs; the panel follows the selection. */
export function Tabs<T extends string>({
  items,
  selected,
  onSelect,
  label,
}: {
  readonly items: readonly TabItem<T>[];
  readonly selected: T;
  readonly onSelect: (id: T) => void;
  readonly label: string;
}): React.JSX.Element {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const move = (delta: number | 'first' | 'last'): void => {
    const i = items.findIndex((t) => t.id === selected);
    const j = delta === 'first' ? 0 : delta === 'last' ? items.length - 1 : (i + delta + items.length) % items.length;
    const next = items[j];
    if (next) {
      onSelect(next.id);
      refs.current.get(next.id)?.focus();
    }
  };
  return (
    <div
      role="tablist"
      aria-label={label}
      className="tabs"
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight') move(1);
        else if (e.key === 'ArrowLeft') move(-1);
        else if (e.key === 'Home') move('first');
        else if (e.key === 'End') move('last');
        else return;
        e.preventDefault();
      }}
    >
      {items.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={t.id === selected}
          aria-controls={`panel-${t.id}`}
          tabIndex={t.id === selected ? 0 : -1}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
            else refs.current.delete(t.id);
          }}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
