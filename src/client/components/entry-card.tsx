/**
 * One field log entry in a list: the whole card is the link's touch target, the link has one
 * short accessible name, and the card scrolls into view once when it is the entry just saved
 * (so "Đã lưu" and the entry are both on screen after a save). Presentational: the caller reads
 * the entry and words it.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { Link } from 'wouter';

export interface EntryBadge {
  label: string;
  /** The badge's colour: a review status, 'pending-sync' (waits to be sent) or 'just-saved'. */
  tone: string;
}

export function EntryCard({ href, name, title, badges, isJustSaved = false, children }: {
  href: string;
  /** The link's accessible name; it contains the visible title. */
  name: string;
  /** The visible heading (the day). */
  title: string;
  badges: readonly EntryBadge[];
  isJustSaved?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  // Before the browser paints, so the list does not show at the top and then jump.
  useLayoutEffect(() => {
    // 'center' keeps the card clear of the bottom navigation and the saved notice above it.
    if (isJustSaved) ref.current?.scrollIntoView?.({ block: 'center' });
  }, [isJustSaved]);
  return (
    <article ref={ref} className={isJustSaved ? 'card card--link card--just-saved' : 'card card--link'}>
      <h3 className="card__title">
        <Link href={href} aria-label={name} className="card__link">{title}</Link>
      </h3>
      {children}
      {badges.length > 0 && (
        <p className="badges">
          {badges.map((badge) => <span key={badge.tone} className={`badge badge--${badge.tone}`}>{badge.label}</span>)}
        </p>
      )}
    </article>
  );
}

/**
 * The names as given, except that a name met again gets " (2)", " (3)"…: two entries of one
 * day with the same words still have distinct accessible names.
 */
export function distinctNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
