/**
 * The logbook's rows, virtualised with the page's own scroll (@tanstack/react-virtual): only the
 * rows near the screen exist in the page, and only their entries are read from the device. Rows
 * are measured as they render (a long summary wraps), and each keeps its position in the set for
 * screen readers (aria-setsize, aria-posinset).
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { FieldLog } from '#src/shared/domain/field-log.ts';
import { useFieldLogsByIds } from '#src/client/db/logbook-repository.ts';
import { usePendingRecordIds } from '#src/client/db/sync-state-repository.ts';
import { useT } from '#src/client/i18n/i18n-context.tsx';
import { EntryRow } from './entry-row.tsx';

const ESTIMATED_ROW_PX = 190;

export function LogbookList({ ids, authorOf }: { ids: readonly string[]; authorOf: (entry: FieldLog) => string }) {
  const { t } = useT();
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => setScrollMargin(listRef.current?.offsetTop ?? 0), []);
  const virtualizer = useWindowVirtualizer({
    count: ids.length, estimateSize: () => ESTIMATED_ROW_PX, overscan: 4, scrollMargin,
    // A row not laid out yet (or a test DOM without layout) measures 0: keep the estimate then.
    measureElement: (element) => element.getBoundingClientRect().height || ESTIMATED_ROW_PX,
  });
  const items = virtualizer.getVirtualItems();
  const visibleIds = useMemo(() => items.map((item) => ids[item.index]!), [items, ids]);
  const rows = useFieldLogsByIds(visibleIds);
  const byId = useMemo(() => new Map((rows ?? []).map((row) => [row.id, row])), [rows]);
  const pending = usePendingRecordIds();

  return (
    <ul ref={listRef} className="logbook-list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
      {items.map((item) => {
        const entry = byId.get(ids[item.index]!);
        return (
          <li key={item.key} data-index={item.index} ref={virtualizer.measureElement} aria-setsize={ids.length} aria-posinset={item.index + 1}
            className="logbook-list__row" style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start - scrollMargin}px)` }}>
            {entry
              ? <EntryRow entry={entry} author={authorOf(entry)} isPending={pending?.has(entry.id) ?? false} t={t} headingLevel={2} />
              : <p className="card">{t('app.loading')}</p>}
          </li>
        );
      })}
    </ul>
  );
}
