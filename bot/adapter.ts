import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Request, Response } from 'restify';
import { DomainError } from '../domain/errors';
import type { Config } from '../server/config';
import { sendError } from '../server/http';
import type { Log } from '../server/log';
import type { LeaderfulBot } from './bot';

/**
 * The Bot Framework edge. Inbound auth is on whenever MicrosoftAppId is set: requests without a
 * valid connector token get 401. With an empty app id (local runs, tests) botbuilder skips it.
 */
export class LeaderfulAdapter extends CloudAdapter {
  /** processActivity without CloudAdapter.process's raw-error responses: the edge maps errors. */
  handle(auth: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(auth, activity, logic);
  }
}

export function createAdapter(config: Config, log: Log): LeaderfulAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    ...(config.BOT_OPENID_METADATA ? { ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA } : {}),
  };
  const adapter = new LeaderfulAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const friendly =
      error instanceof DomainError && error.kind === 'unavailable'
        ? 'Leaderful cannot reach its data right now. Please try again in a minute.'
        : error instanceof DomainError
          ? error.message
          : 'Sorry, something went wrong on our side. Please try again.';
    if (!(error instanceof DomainError)) log.error({ err: { name: error.name, message: error.message, stack: error.stack } }, 'bot turn failed');
    if (context.activity.type === 'message') {
      await context.sendActivity(friendly).catch(() => undefined);
    }
  };
  return adapter;
}

/** POST /api/messages: validate the shape, authenticate, run the bot, answer invokes. */
export function messagesHandler(adapter: LeaderfulAdapter, bot: LeaderfulBot, log: Log) {
  return async (req: Request, res: Response): Promise<void> => {
    const body = req.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.type !== 'string') {
      return sendError(res, 400, 'bad_activity', 'The body must be a Bot Framework activity with a type.');
    }
    const auth = String(req.header('authorization') ?? '');
    try {
      const invokeResponse = await adapter.handle(auth, body as unknown as Activity, (context) => bot.run(context));
      if (invokeResponse) res.send(invokeResponse.status ?? 200, invokeResponse.body ?? undefined);
      else res.send(200);
    } catch (err) {
      if (err instanceof AuthenticationError || (err as { statusCode?: number }).statusCode === 401) {
        return sendError(res, 401, 'unauthenticated', 'Unauthorized.');
      }
      log.error({ err: { message: (err as Error).message } }, 'activity processing failed');
      sendError(res, 500, 'internal', 'The activity could not be processed.');
    }
  };
}
