import { Suspense, createContext, lazy, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import type { PilotView } from './api';
import type { PilotFormDialogProps } from './PilotFormDialog';

/**
 * Owns the app's dialogs, above the routes. A modal dialog hides the rest of the page from
 * assistive tech while open; closing it (open → false) is what restores that, so dialogs must
 * close before a view that opened them navigates away, not vanish with it. Both dialogs are
 * separate chunks, fetched on first use (or on hover of the button that opens them).
 */
export const preloadPilotForm = () => import('./PilotFormDialog');
export const preloadClosePilot = () => import('./ClosePilotDialog');
const PilotFormDialog = lazy(preloadPilotForm);
const ClosePilotDialog = lazy(preloadClosePilot);

export type DialogRequest =
  | { kind: 'pilotForm'; props: Omit<PilotFormDialogProps, 'open' | 'onDismiss'> }
  | { kind: 'closePilot'; pilot: PilotView; onClosed(p: PilotView): void };

const DialogContext = createContext<(request: DialogRequest) => void>(() => {
  throw new Error('useDialogs outside DialogHost');
});

export const useDialogs = () => useContext(DialogContext);

export function DialogHost({ children }: { children: ReactNode }) {
  // `key` gives every opening a fresh dialog (empty form, new idempotency key).
  const [current, setCurrent] = useState<{ request: DialogRequest; open: boolean; key: number }>();
  const i18n = useI18n();
  const show = useCallback(
    (request: DialogRequest) => {
      // The dialogs' strings (not in the first download), fetched alongside their chunk.
      i18n.area('pilotForms').catch(() => undefined);
      setCurrent((c) => ({ request, open: true, key: (c?.key ?? 0) + 1 }));
    },
    [i18n],
  );
  const dismiss = useCallback(() => setCurrent((c) => c && { ...c, open: false }), []);

  const dialog = useMemo(() => {
    if (!current) return null;
    const { request, open, key } = current;
    if (request.kind === 'pilotForm') {
      const { onSaved, ...props } = request.props;
      return (
        <PilotFormDialog
          key={key}
          {...props}
          open={open}
          onDismiss={dismiss}
          onSaved={(p) => {
            dismiss();
            onSaved(p);
          }}
        />
      );
    }
    return (
      <ClosePilotDialog
        key={key}
        pilot={request.pilot}
        open={open}
        onDismiss={dismiss}
        onClosed={(p) => {
          dismiss();
          request.onClosed(p);
        }}
      />
    );
  }, [current, dismiss]);

  return (
    <DialogContext.Provider value={show}>
      {children}
      <Suspense fallback={null}>{dialog}</Suspense>
    </DialogContext.Provider>
  );
}
