import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type AppBasedLinkQuery,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type TaskModuleRequest,
  type TaskModuleResponse,
  type TurnContext,
} from 'botbuilder';
import { Pipeline } from './pipeline';
import { cardMessage, cardReplace, dialogMessage, extensionMessage } from './responses';
import type { BotDeps, Router } from './router';

/**
 * The botbuilder transport: TeamsActivityHandler parses each kind of Teams activity, and every
 * one of them goes through the pipeline to the route table. Nothing here decides anything;
 * which invokes the bot answers is the list of overrides below (others get botbuilder's 501).
 */
export class TeamsBot extends TeamsActivityHandler {
  private readonly pipeline: Pipeline;

  constructor(
    private readonly router: Router,
    deps: BotDeps,
  ) {
    super();
    this.pipeline = new Pipeline(router, deps);
    this.onMessage(async (context, next) => {
      await this.pipeline.message(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.pipeline.membersChanged('added', context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      await this.pipeline.membersChanged('removed', context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.pipeline.membersChanged('uninstalled', context);
      await next();
    });
  }

  override run(context: TurnContext): Promise<void> {
    return this.pipeline.turn(context, () => super.run(context));
  }

  protected override handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    return this.pipeline.invoke(context, (turn) => this.router.search(turn, query), extensionMessage);
  }

  protected override handleTeamsAppBasedLinkQuery(context: TurnContext, query: AppBasedLinkQuery): Promise<MessagingExtensionResponse> {
    return this.pipeline.invoke(context, (turn) => this.router.unfurlLink(turn, String(query.url ?? '')), extensionMessage);
  }

  protected override handleTeamsMessagingExtensionFetchTask(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    return this.pipeline.invoke(context, (turn) => this.router.fetchTask(turn, action), dialogMessage);
  }

  protected override handleTeamsMessagingExtensionSubmitAction(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    return this.pipeline.invoke(context, (turn) => this.router.submitAction(turn, action), dialogMessage);
  }

  /** Universal Actions: the card answered replaces the one clicked. */
  protected override onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const verb = typeof value?.action?.verb === 'string' ? value.action.verb.slice(0, 100) : '';
    const raw = value?.action?.data;
    const data = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    return this.pipeline.invoke(context, async (turn) => cardReplace(await this.router.act(turn, verb, data)), cardMessage, this.router.callerNeed(verb));
  }

  protected override handleTeamsTaskModuleFetch(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    return this.pipeline.invoke(context, (turn) => this.router.openDialog(turn, request), dialogMessage);
  }

  protected override handleTeamsTaskModuleSubmit(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    return this.pipeline.invoke(context, (turn) => this.router.submitDialog(turn, request), dialogMessage);
  }
}
