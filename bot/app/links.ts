/**
 * Links from cards into the tab. Inside Teams a deep link opens the personal tab at the pilot
 * (`subEntityId`); without a Teams app id (local runs) the tab's own URL is used.
 */
export interface LinkConfig {
  publicUrl: string;
  teamsAppId?: string;
}

export function pilotTabLink(cfg: LinkConfig, pilotId: string): string {
  if (cfg.teamsAppId) {
    const context = encodeURIComponent(JSON.stringify({ subEntityId: pilotId }));
    return `https://teams.microsoft.com/l/entity/${cfg.teamsAppId}/pilots?context=${context}`;
  }
  return `${cfg.publicUrl}/tabs/index.html#/pilots/${encodeURIComponent(pilotId)}`;
}

/** The app's own shareable pilot URL, which the message extension unfurls. */
export function pilotShareUrl(cfg: LinkConfig, pilotId: string): string {
  return `${cfg.publicUrl}/pilots/${encodeURIComponent(pilotId)}`;
}

export function tabHomeLink(cfg: LinkConfig): string {
  return cfg.teamsAppId ? `https://teams.microsoft.com/l/entity/${cfg.teamsAppId}/pilots` : `${cfg.publicUrl}/tabs/index.html#/pilots`;
}

/** A deep link to the tab at an entity (circle:, story:, project:, path:). */
export function entityLink(cfg: LinkConfig, entityId: string): string {
  if (cfg.teamsAppId) {
    const context = encodeURIComponent(JSON.stringify({ subEntityId: entityId }));
    return `https://teams.microsoft.com/l/entity/${cfg.teamsAppId}/pilots?context=${context}`;
  }
  const route = entityId.startsWith('circle:') ? 'circles' : entityId.startsWith('story:') ? 'stories' : entityId.startsWith('project:') ? 'projects' : entityId.startsWith('path:') ? 'paths' : entityId.startsWith('lesson:') ? 'lessons' : 'pilots';
  return `${cfg.publicUrl}/tabs/index.html#/${route}/${encodeURIComponent(entityId)}`;
}
