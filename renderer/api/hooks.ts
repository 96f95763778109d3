import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodResult } from '@shared/contract';
import { call, type ApiError } from './client';

/** The domain a method belongs to: "athletes.list" → "athletes". */
export function domainOf(method: string): string {
  return method.split('.')[0] ?? method;
}

export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: Omit<UseQueryOptions<MethodResult<M>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<MethodResult<M>, ApiError>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    ...options,
  });
}

/**
 * A write. After it succeeds, every query of the domains it touches is fetched again (by default
 * all domains: a screen never shows what the database no longer holds).
 */
export function useApiMutation<M extends MethodName>(method: M, options: { invalidates?: readonly string[] } = {}) {
  const queryClient = useQueryClient();
  return useMutation<MethodResult<M>, ApiError, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSettled: () => invalidateDomains(queryClient, options.invalidates),
  });
}

export function invalidateDomains(queryClient: ReturnType<typeof useQueryClient>, domains?: readonly string[]): Promise<void> {
  if (!domains) return queryClient.invalidateQueries();
  return queryClient.invalidateQueries({
    predicate: (query) => typeof query.queryKey[0] === 'string' && domains.includes(domainOf(query.queryKey[0])),
  });
}
