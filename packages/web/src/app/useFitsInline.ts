import { useViewportSize } from "@mantine/hooks";
import { type RefObject, useLayoutEffect, useState } from "react";

/**
 * Whether a row (the header with its navigation) fits on one line at the
 * current width. Link labels differ by language and by who is signed in, so
 * no fixed breakpoint suits them all: the row is measured while shown, and
 * when it overflows the width it needs is remembered until `resetKey`
 * changes (another language, another person). Below that width the caller
 * shows a menu instead; at or above it the row is shown and checked again.
 */
export function useFitsInline(ref: RefObject<HTMLElement | null>, resetKey: string): boolean {
  const { width } = useViewportSize();
  const [needed, setNeeded] = useState<{ key: string; width: number } | null>(null);
  const required = needed?.key === resetKey ? needed.width : 0;
  const fits = width === 0 || width >= required;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!fits || !el) return;
    const check = () => {
      const excess = el.scrollWidth - el.clientWidth;
      if (excess > 1) setNeeded({ key: resetKey, width: window.innerWidth + excess + 1 });
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, fits, resetKey]);

  return fits;
}
