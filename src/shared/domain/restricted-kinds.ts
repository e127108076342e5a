/**
 * Kinds whose entries name people who must be protected (tips name residents and informants;
 * reintegration visits name people who served sentences): readable only by the author, the
 * team leader and commune police (sync scope `restricted:<team>:<author>`). Apart from the
 * schemas so that the device's sealing layer reads it without loading zod; field-log.ts
 * re-exports it.
 */
export const restrictedKinds = ['tip', 'reintegration-visit'] as const;

/** True for the kinds kept to their author, the team leader and commune police. */
export function isRestrictedKind(kind: string): boolean {
  return (restrictedKinds as readonly string[]).includes(kind);
}
