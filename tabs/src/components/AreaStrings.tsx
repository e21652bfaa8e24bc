import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { useI18n, type I18n, type LazyArea } from '../i18n';
import { Loading } from './Loading';

/**
 * Shows its children once their areas' strings are here: areas the first screen does not show are
 * not in everyone's first download but load with their view (`fallback` meanwhile).
 */
export function AreaStrings({ area, fallback = <Loading />, children }: { area: LazyArea | readonly LazyArea[]; fallback?: ReactNode; children: ReactNode }) {
  const i18n = useI18n();
  const areas: readonly LazyArea[] = typeof area === 'string' ? [area] : area;
  const key = areas.join(' ');
  // Which set of areas has settled (arrived, or failed: the view still opens, with its keys,
  // rather than spin forever). Keyed, so that other areas (another view) wait for theirs.
  const [settled, setSettled] = useState<{ i18n: I18n; key: string }>();
  const ready = (settled?.i18n === i18n && settled.key === key) || areas.every((a) => i18n.hasArea(a));
  useEffect(() => {
    if (ready) return;
    let live = true;
    void Promise.allSettled(key.split(' ').map((a) => i18n.area(a as LazyArea))).then(() => live && setSettled({ i18n, key }));
    return () => {
      live = false;
    };
  }, [i18n, key, ready]);
  return <>{ready ? children : fallback}</>;
}

/** A part of a view that reads a lazy area's strings: it shows (nothing meanwhile) once they are here. */
export function withAreaStrings<P extends object>(area: LazyArea, Part: ComponentType<P>): ComponentType<P> {
  return function WithAreaStrings(props: P) {
    return (
      <AreaStrings area={area} fallback={null}>
        <Part {...props} />
      </AreaStrings>
    );
  };
}
