import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  type AppBasedLinkQuery,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TaskModuleRequest,
  type TaskModuleResponse,
  type TurnContext,
} from 'botbuilder';
import type { Domain } from '../domain';
import { DomainError } from '../domain/shared/errors';
import type { Caller } from '../domain/shared/caller';
import type { Log } from '../platform/log';
import { activityIdentity, callerOf } from './caller';
import { CardActions } from './card-actions';
import { CIRCLE_VERB_PREFIXES, STORY_SEARCH_COMMAND, circleActions, circleCommands, storySearch } from './circles';
import { localeOf, t, type Locale } from './i18n';
import { feedbackCommand, handleFeedbackAction } from './feedback';
import { ChatCommands } from './chat';
import { Installation, teamIdOf } from './install';
import type { LinkConfig } from './links';
import { MessageExtension, pilotCard } from './message-extension';
import { defaultValues, pilotFormCard, submitPilotForm } from './pilot-form';

const OUTSIDE_TEAMS = 'Leaderful works inside a Microsoft Teams organisation. Please use it from Teams.';

/**
 * Leaderful's bot: routes Teams activities to the handler module of each surface (chat commands,
 * message extension, dialogs). Every message is processed once per activity id (Teams retries),
 * and the caller is always resolved from the activity, never from what a card claims.
 */
export class LeaderfulBot extends TeamsActivityHandler {
  private readonly chat: ChatCommands;
  private readonly extension: MessageExtension;
  private readonly installation: Installation;
  readonly cardActions: CardActions;

  constructor(
    private readonly domain: Domain,
    private readonly log: Log,
    private readonly links: LinkConfig,
  ) {
    super();
    this.chat = new ChatCommands(domain, links);
    this.extension = new MessageExtension(domain, links, log);
    this.installation = new Installation(domain, log);
    this.cardActions = new CardActions(domain);
    this.cardActions.register('feedback.', handleFeedbackAction);
    this.chat.register(feedbackCommand(domain));
    this.chat.register(circleCommands(domain, links));
    for (const prefix of CIRCLE_VERB_PREFIXES) this.cardActions.register(prefix, circleActions(links));

    this.onMessage(async (context, next) => {
      const caller = await callerOf(domain, context.activity);
      if (!caller) await context.sendActivity(t(localeOf(context.activity.locale), OUTSIDE_TEAMS));
      else {
        await this.installation.notePersonalChat(context);
        await this.chat.handle(context, caller);
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      await this.installation.membersAdded(context);
      await next();
    });

    this.onMembersRemoved(async (context, next) => {
      await this.installation.membersRemoved(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    const { id, type } = context.activity;
    const who = activityIdentity(context.activity);
    // Invokes answer in the HTTP response and are idempotent by design (request ids in forms);
    // messages and events are recorded so a retried delivery does not post twice.
    const dedupe = !!(id && who && type !== 'invoke');
    if (dedupe && !(await this.domain.activities.firstSight(who!.tenantId, id!))) {
      this.log.info({ activityId: id, type }, 'duplicate activity ignored');
      return;
    }
    try {
      await super.run(context);
    } catch (err) {
      if (dedupe) await this.domain.activities.forget(who!.tenantId, id!).catch(() => undefined);
      throw err;
    }
  }

  /** Runs an invoke with the caller resolved; failures become a friendly answer, not a 500. */
  private async invoke<R>(context: TurnContext, work: (caller: Caller, locale: Locale) => Promise<R>, fallback: (message: string) => R): Promise<R> {
    const locale = localeOf(context.activity.locale);
    try {
      const caller = await callerOf(this.domain, context.activity);
      if (!caller) return fallback(t(locale, OUTSIDE_TEAMS));
      return await work(caller, locale);
    } catch (err) {
      if (err instanceof DomainError) return fallback(t(locale, err.kind === 'unavailable' ? 'Leaderful cannot reach its data right now. Please try again shortly.' : err.message));
      this.log.error({ err: { message: (err as Error).message, stack: (err as Error).stack } }, 'invoke failed');
      return fallback(t(locale, 'Sorry, something went wrong. Please try again.'));
    }
  }

  private meFallback = (text: string): MessagingExtensionResponse => ({ composeExtension: { type: 'message', text } });
  private taskFallback = (value: string): TaskModuleResponse => ({ task: { type: 'message', value } });

  protected override handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    return this.invoke(
      context,
      (caller, locale) => (query.commandId === STORY_SEARCH_COMMAND ? storySearch(this.domain, this.links, caller, query, locale) : this.extension.query(caller, query, locale)),
      this.meFallback,
    );
  }

  protected override handleTeamsAppBasedLinkQuery(context: TurnContext, query: AppBasedLinkQuery): Promise<MessagingExtensionResponse> {
    return this.invoke(context, (caller, locale) => this.extension.queryLink(caller, query, locale), this.meFallback);
  }

  protected override handleTeamsMessagingExtensionFetchTask(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    return this.invoke(context, (caller, locale) => this.extension.fetchTask(caller, action, locale), this.taskFallback);
  }

  protected override handleTeamsMessagingExtensionSubmitAction(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    return this.invoke(context, (caller, locale) => this.extension.submitAction(caller, action, teamIdOf(context), locale), this.taskFallback);
  }

  /** Universal Actions: the card answered replaces the one clicked. */
  protected override onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return this.invoke(
      context,
      (caller, locale) => this.cardActions.handle(caller, value, locale),
      (message) => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message as never }),
    );
  }

  /** The bot's "launch pilot" button opens the same form as a dialog. */
  protected override handleTeamsTaskModuleFetch(context: TurnContext, _request: TaskModuleRequest): Promise<TaskModuleResponse> {
    return this.invoke(
      context,
      async (caller, locale) => {
        const card = await pilotFormCard(this.domain, caller, { values: defaultValues(this.domain.clock.now()) }, locale);
        return { task: { type: 'continue', value: { title: t(locale, 'Launch a pilot'), width: 'medium', height: 'large', card } } };
      },
      this.taskFallback,
    );
  }

  protected override handleTeamsTaskModuleSubmit(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    return this.invoke(
      context,
      async (caller, locale) => {
        const result = await submitPilotForm(this.domain, caller, request.data, locale);
        if (!result.ok) return { task: { type: 'continue', value: { title: t(locale, 'Launch a pilot'), width: 'medium', height: 'large', card: result.card } } };
        // A retried submit finds the pilot created the first time and does not post it twice.
        if (result.created) await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(pilotCard(this.links, result.pilot, '1.5', locale).content)));
        const done = result.pilot.status === 'active' ? '“{title}” is launched.' : '“{title}” is saved as a draft.';
        return { task: { type: 'message', value: t(locale, done, { title: result.pilot.title }) } };
      },
      this.taskFallback,
    );
  }
}
