import { useEffect, useState, type ReactNode } from 'react';
import { useI18n, type LazyArea } from '../i18n';
import { Loading } from './Loading';

/**
 * Shows a view once its area's strings are here: areas few people open (the admin area, a
 * meeting's check-in) are not in everyone's first download but load with their view.
 */
export function AreaStrings({ area, children }: { area: LazyArea; children: ReactNode }) {
  const i18n = useI18n();
  const [ready, setReady] = useState(() => i18n.hasArea(area));
  useEffect(() => {
    // Should the strings not arrive, the view still opens (with its keys) rather than spin forever.
    if (!ready) void i18n.area(area).finally(() => setReady(true));
  }, [i18n, area, ready]);
  return ready ? <>{children}</> : <Loading />;
}
