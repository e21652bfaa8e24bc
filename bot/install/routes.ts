import type { Router, BotDeps } from '../app/router';
import { Installation } from './installation';

/** Installation, the roster kept current, and each person's 1:1 chat remembered. */
export function registerInstallRoutes(router: Router, { domain, log }: BotDeps): void {
  const installation = new Installation(domain, log);
  router
    .membersAdded((context, who) => installation.membersAdded(context, who))
    .membersRemoved((context, who) => installation.membersRemoved(context, who))
    .appRemoved((context, who) => installation.appRemoved(context, who))
    .everyMessage((context, who) => installation.notePersonalChat(context, who));
}
