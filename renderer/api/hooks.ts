import { useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodResult } from '@shared/contract';
import { call, type ApiError } from './client';

/** A read, cached under [method, input] until a write that affects what it reads (./freshness.ts). */
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

/** A write, with React Query's pending and error states. What it refreshes is its declaration's business. */
export function useApiMutation<M extends MethodName>(method: M) {
  return useMutation<MethodResult<M>, ApiError, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
  });
}
