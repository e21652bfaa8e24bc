/** What the app needs from wherever it runs: Microsoft Teams, or a plain browser tab. */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** The settings a configurable (channel) tab saves with Teams. */
export interface TabConfig {
  contentUrl: string;
  websiteUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

export interface Host {
  kind: 'teams' | 'browser';
  theme: HostTheme;
  /** BCP 47 tag, e.g. en-US. */
  locale: string;
  /** Deep-link target inside the tab (Teams `subEntityId` / `page.subPageId`). */
  subPageId?: string;
  /** Teams frame context: `content` for a tab page, `settings` for the configuration page, `sidePanel` and `meetingStage` in meetings. */
  frameContext?: string;
  /** Where the tab was added: a meeting, a group chat, a channel, or the person's own app. */
  surface?: 'meeting' | 'groupChat' | 'channel' | 'personal';
  /** Calls back on every theme change; returns an unsubscribe function. */
  onThemeChange(listener: (theme: HostTheme) => void): () => void;
  /** Teams SSO token for our API. Teams caches tokens, so ask before every call. */
  getAuthToken?: () => Promise<string>;
  /** Present on the Teams configuration page. */
  tabConfig?: {
    setValid(valid: boolean): void;
    /** `current` is read when the user selects Save; undefined fails the save. */
    onSave(current: () => TabConfig | undefined): void;
  };
}

/** Opened directly in a browser, not inside any frame or popup: Teams cannot be the host. */
export const isStandalone = (): boolean => window.parent === window && !window.opener;
