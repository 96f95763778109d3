import { Navigate } from 'react-router';
import { useApiQuery } from '@renderer/api/hooks';

/** Where the app opens: the calendar once a plan exists, else the roster (build the squad first). */
export function LandingRedirect() {
  const summary = useApiQuery('calendar.summary', {});
  if (summary.isPending) return null;
  return <Navigate to={!summary.isError && summary.data.blocks > 0 ? '/calendar' : '/roster'} replace />;
}
