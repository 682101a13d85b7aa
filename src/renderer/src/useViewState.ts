import { useCallback, useEffect, useState } from 'react';
import { formatViewState, parseViewState, type ViewState } from './viewState';

/** View state mirrored in the URL fragment; back/forward and reload restore it. */
export function useViewState(): [ViewState, (patch: Partial<ViewState>) => void] {
  const [state, setState] = useState<ViewState>(() => parseViewState(window.location.hash));

  useEffect(() => {
    const onHash = (): void => setState(parseViewState(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const update = useCallback((patch: Partial<ViewState>) => {
    setState((prev) => {
      const next = { ...prev, ...patch };
      const hash = formatViewState(next);
      if (hash !== window.location.hash) {
        window.history.pushState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
      }
      return next;
    });
  }, []);

  return [state, update];
}
