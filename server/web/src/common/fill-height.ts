import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The height that lets an element reach down to the bottom of the window, so a grid or a list
 * scrolls inside itself and the page does not: at 1366×768 the page then never needs scrolling
 * to reach the grid's rows. Re-measured when the window or anything above it changes size.
 */
export function useFillHeight<T extends HTMLElement>(min = 200, margin = 12) {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState<number>();
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      const h = Math.max(min, Math.floor(window.innerHeight - top - margin));
      setHeight((old) => (old === h ? old : h));
    };
    measure();
    window.addEventListener('resize', measure);
    // Content above (a banner, a toolbar) moving the element shows up as the page's size changing.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, [min, margin]);
  return [ref, height] as const;
}
