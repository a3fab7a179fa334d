import { useState } from 'react';

/** Rows drawn at first and added per click: thousands of rows at once would stall the page. */
const PAGE = 200;

/** How many of `total` rows to draw, and the button that draws more (nothing when all are). */
export function useRowLimit(total: number) {
  const [limit, setLimit] = useState(PAGE);
  const more =
    total > limit ? (
      <li>
        <button
          type="button"
          className="rounded border px-2 py-0.5"
          onClick={() => setLimit((l) => l + PAGE)}
        >
          Show {Math.min(PAGE, total - limit)} more ({total - limit} not shown)
        </button>
      </li>
    ) : null;
  return { limit, more };
}
