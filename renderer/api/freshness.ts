/**
 * Freshness by declaration: after a write succeeds, every cached query whose method reads an
 * area the write affects is fetched again (shared/contract/define.ts). Nothing else decides what
 * is fresh: no list of domains at the call site, no screen that switches caching off.
 */
import type { Query, QueryClient } from '@tanstack/react-query';
import { contract, isMethodName, type MethodName } from '@shared/contract';

let queryClient: QueryClient | null = null;

/** The cache the window's calls refresh (set once by `createQueryClient`; each test's own in tests). */
export function refreshThroughout(client: QueryClient): void {
  queryClient = client;
}

/** Whether a cached answer of `queryMethod` may change when `writeMethod` runs. */
export function isAffectedBy(queryMethod: MethodName, writeMethod: MethodName): boolean {
  const affected = contract[writeMethod].affects;
  return contract[queryMethod].reads.some((area) => affected.includes(area));
}

/**
 * Every answer `method` may have changed: the ones on screen are fetched again at once; the
 * others are dropped, so a screen opened later reads the squad as it is now instead of showing
 * the old answer while it fetches. Returns when the fetches are done; a caller that need not
 * wait can ignore it.
 */
export function refreshAfter(method: MethodName): Promise<void> {
  if (!queryClient || contract[method].affects.length === 0) return Promise.resolve();
  const affected = (query: Query) => {
    const queried = query.queryKey[0];
    return isMethodName(queried) && isAffectedBy(queried, method);
  };
  queryClient.removeQueries({ predicate: (query) => affected(query) && query.getObserversCount() === 0 });
  return queryClient.invalidateQueries({ predicate: affected });
}
