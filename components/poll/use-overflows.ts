import { useCallback, useState, type RefCallback } from 'react';

/**
 * Whether an element is wider inside than it shows (a table that scrolls sideways), kept up
 * to date as the element or its content resizes. False on the server: the hint it drives is
 * an aid, and a page that fits never shows it.
 */
export function useOverflows(): [RefCallback<HTMLElement>, boolean] {
  const [overflows, setOverflows] = useState(false);
  const ref = useCallback((element: HTMLElement | null) => {
    if (!element) return;
    const check = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return [ref, overflows];
}
