/**
 * A stand-in for the Teams client: an HTML page that frames the tab and answers teams-js over
 * postMessage the way Teams does. The tab sends `{id, uuidAsString, func, args}`; the host
 * replies `{id, uuidAsString, args}`, and pushes events as `{func, args}` with no id.
 * Shapes checked against @microsoft/teams-js 2.x (internal/communication.js, appHelpers.js,
 * pages/config.js): initialize answers [frameContext, clientType, runtimeJson, sdkVersion];
 * getContext answers [legacyFlatContext]; authentication.getAuthToken answers [ok, tokenOrReason];
 * settings.setSettings (pages.config.setConfig) answers [ok, reason] (sendAndHandleStatusAndReason).
 */
/** Where Teams shows the page: a tab, its configuration page, a meeting's side panel or its shared stage. */
export type FrameContext = 'content' | 'settings' | 'sidePanel' | 'meetingStage';

export interface TeamsHostOptions {
  /** Tab URL to frame, same origin as the host page (so teams-js trusts the host's messages). */
  tabUrl: string;
  frameContext?: FrameContext;
  theme?: 'default' | 'dark' | 'contrast';
  locale?: string;
  tenantId: string;
  userObjectId: string;
  userPrincipalName?: string;
  /** SSO token handed to every getAuthToken call; omit to make sign-in fail. */
  token?: string;
  subEntityId?: string;
  entityId?: string;
  /** Teams' own ids for a channel tab. */
  teamId?: string;
  channelId?: string;
  /** A meeting's id (meeting tabs, side panel, stage) and the chat a tab lives in. */
  meetingId?: string;
  chatId?: string;
}

export interface HostMessage {
  func: string;
  args: unknown[];
}

/** The runtime a current Teams web client reports, trimmed to what a tab uses. */
const RUNTIME = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: {
    appInstallDialog: {},
    dialog: { card: {}, url: {}, update: {} },
    pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} },
    teamsCore: {},
  },
};

export function teamsHostHtml(opts: TeamsHostOptions): string {
  const frameContext = opts.frameContext ?? 'content';
  const context = {
    locale: opts.locale ?? 'en-US',
    theme: opts.theme ?? 'default',
    tid: opts.tenantId,
    userObjectId: opts.userObjectId,
    userPrincipalName: opts.userPrincipalName,
    loginHint: opts.userPrincipalName,
    entityId: opts.entityId ?? 'pilots',
    subEntityId: opts.subEntityId,
    frameContext,
    hostClientType: 'web',
    hostName: 'Teams',
    appSessionId: 'test-session',
    teamId: opts.teamId,
    channelId: opts.channelId,
    meetingId: opts.meetingId,
    chatId: opts.chatId,
  };
  const config = { frameContext, runtime: JSON.stringify(RUNTIME), context, token: opts.token ?? null };
  // JSON inside a <script> must not be able to close it.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Test Teams host</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style></head>
<body>
<iframe id="tab" title="Leaderful tab" src="${escapeAttr(opts.tabUrl)}"></iframe>
<script>
(function () {
  var config = ${json};
  var frame = document.getElementById('tab');
  var settings = null;
  var host = (window.__teamsHost = { messages: [] });
  function post(message) { frame.contentWindow.postMessage(message, location.origin); }
  function reply(request, args) { post({ id: request.id, uuidAsString: request.uuidAsString, args: args }); }
  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== location.origin) return;
    var m = event.data;
    if (!m || typeof m.func !== 'string') return;
    host.messages.push({ func: m.func, args: m.args || [] });
    switch (m.func) {
      case 'initialize': return reply(m, [config.frameContext, 'web', config.runtime, '2.0.0']);
      case 'getContext': return reply(m, [config.context]);
      case 'authentication.getAuthToken':
        return reply(m, config.token ? [true, config.token] : [false, 'The user could not be signed in.']);
      case 'settings.setSettings': settings = m.args[0]; return reply(m, [true]);
      case 'settings.getSettings': return reply(m, [settings]);
    }
  });
  host.setTheme = function (theme) { post({ func: 'themeChange', args: [theme] }); };
  // What Teams does when the user selects Save on a configuration page.
  host.save = function () { post({ func: 'settings.save', args: [{}] }); };
})();
</script>
</body>
</html>`;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
