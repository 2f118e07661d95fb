import { useSyncExternalStore } from 'react';

/** Where the answer grid replaces the phone list; globals.css and the class names agree. */
const WIDE = '(min-width: 900px)';

function subscribe(onChange: () => void) {
  const query = window.matchMedia(WIDE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * Whether the screen is wide enough for the grid; null on the server and while hydrating.
 * The server sends both layouts and CSS shows one; once the browser knows, the other is
 * dropped, so each option's answers exist once in the document.
 */
export function useWideScreen(): boolean | null {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(WIDE).matches,
    () => null,
  );
}
