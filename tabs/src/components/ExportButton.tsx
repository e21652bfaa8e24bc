import { Button } from '@fluentui/react-button';
import { Spinner } from '@fluentui/react-spinner';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ApiError } from '../api/client';
import { saveFile } from '../download';
import { toApiError } from '../useLoad';

/**
 * Downloads the server's export (a CSV the server built under the same privacy rules as the
 * view): the tab never assembles export content itself.
 */
export function ExportButton({ label, fetchFile, fallbackName, onError }: { label: string; fetchFile(): Promise<{ blob: Blob; filename?: string }>; fallbackName: string; onError(err: ApiError | undefined): void }) {
  const [busy, setBusy] = useState(false);
  async function run() {
    if (busy) return;
    setBusy(true);
    onError(undefined);
    try {
      const { blob, filename } = await fetchFile();
      saveFile(blob, filename ?? fallbackName);
    } catch (err) {
      onError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button appearance="secondary" icon={busy ? <Spinner size="tiny" /> : <ArrowDownloadRegular />} onClick={run} disabledFocusable={busy} data-testid="export">
      {label}
    </Button>
  );
}
