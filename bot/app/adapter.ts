import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Request, Response } from 'restify';
import { sendError } from '../../platform/http';
import type { Log } from '../../platform/log';
import { localeOf } from '../i18n';
import { failureText } from './errors';
import { textMessage } from './turn';

/**
 * What the bot needs to know about its Bot Framework registration. Named as botbuilder and the
 * environment name them, so the server passes its configuration as it is.
 */
export interface BotSettings {
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  MicrosoftAppTenantId: string;
  /** Where connector tokens' signing keys are published (a stand-in in tests). */
  BOT_OPENID_METADATA?: string;
  NODE_ENV: string;
}

/**
 * The Bot Framework edge. Inbound auth is on whenever MicrosoftAppId is set: requests without a
 * valid connector token get 401. With an empty app id (local runs, tests) botbuilder skips it.
 */
export class LeaderfulAdapter extends CloudAdapter {
  /**
   * processActivity without CloudAdapter.process's raw-error responses: the edge maps errors.
   * Authentication runs first and on its own: the SDK lets some bad tokens escape as plain errors
   * (jsonwebtoken's "invalid signature", a failed key fetch), and every one of them is a 401.
   */
  async handle(auth: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, auth);
    } catch (err) {
      if (err instanceof AuthenticationError) throw err;
      throw new AuthenticationError(`Unauthorized: ${(err as Error)?.name ?? 'error'}`, 401);
    }
    return this.processActivity(authenticated, activity, logic);
  }
}

export function createAdapter(config: BotSettings, log: Log): LeaderfulAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    // Any endpoint setting switches botbuilder to "fully parameterized": every other endpoint and
    // the expected issuer would be undefined (no token could ever pass). Give it the public cloud's.
    ...(config.BOT_OPENID_METADATA
      ? {
          ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA,
          ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
          ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          CallerId: CallerIdConstants.PublicAzureChannel,
          ValidateAuthority: true,
        }
      : {}),
  };
  if (config.NODE_ENV === 'production' && !config.MicrosoftAppId) {
    // An empty app id turns inbound auth off: anyone could speak as any Teams user.
    throw new Error('MicrosoftAppId is required when NODE_ENV=production (it switches bot authentication on).');
  }
  const adapter = new LeaderfulAdapter(new ConfigurationBotFrameworkAuthentication(options));
  // The pipeline words every failure inside a turn; this only catches what escapes botbuilder itself.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const text = failureText(error, localeOf(context.activity.locale), log, 'bot turn failed');
    if (context.activity.type === 'message') await context.sendActivity(textMessage(text)).catch(() => undefined);
  };
  return adapter;
}

/** POST /api/messages: validate the shape, authenticate, run the bot, answer invokes. */
export function messagesHandler(adapter: LeaderfulAdapter, bot: { run(context: TurnContext): Promise<void> }, log: Log) {
  return async (req: Request, res: Response): Promise<void> => {
    const body = req.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.type !== 'string') {
      return sendError(res, 400, 'bad_activity', 'The body must be a Bot Framework activity with a type.');
    }
    if (typeof body.serviceUrl !== 'string' || !/^https?:\/\//.test(body.serviceUrl)) {
      return sendError(res, 400, 'bad_activity', 'The activity must carry the serviceUrl to answer on.');
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
