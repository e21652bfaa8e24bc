import { MessageBar, MessageBarBody } from '@fluentui/react-message-bar';
import type { ReactNode } from 'react';

/** What a change just did ("Changes saved."), above the page it changed. */
export function SuccessBar({ children }: { children: ReactNode }) {
  return (
    <MessageBar intent="success" data-testid="notice">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
