import type {
  MessagingExtensionAction,
  MessagingExtensionActionResponse,
  MessagingExtensionQuery,
  MessagingExtensionResponse,
  TaskModuleRequest,
  TaskModuleResponse,
  TurnContext,
} from 'botbuilder';
import type { Domain } from '../../domain';
import { DomainError } from '../../domain/shared/errors';
import type { Log } from '../../platform/log';
import { messageCard, textCard, type CardAttachment } from '../cards';
import { t } from '../i18n';
import { NOT_AVAILABLE, NO_BUTTON, refusalText } from './errors';
import type { LinkConfig } from './links';
import { dialogMessage, extensionResults } from './responses';
import type { Identity, Turn } from './turn';

/**
 * The bot's one route table. Each feature adds its routes in one call (`registerXRoutes(router,
 * deps)`); the transport (teams-bot.ts) and the pipeline (pipeline.ts) bring every activity here
 * with the caller already resolved. Routes see a Turn, not botbuilder's dispatch (only the
 * conversation events get the TurnContext: installation reads the roster through it).
 *
 *  - chat commands: a pattern over what the person typed, optionally in 1:1 chats only
 *  - card verbs (Action.Execute): an exact verb, or a prefix for a family of verbs; answers the
 *    card that replaces the one clicked
 *  - message-extension commands by commandId: search (query), open a form (fetchTask), submit it
 *  - link unfurling by URL pattern; the dialog (task/fetch, task/submit)
 *  - conversation updates: members added (installation included) and removed
 */
export interface BotDeps {
  domain: Domain;
  links: LinkConfig;
  log: Log;
}

/** What a feature provides: its routes, added in one call. */
export type Feature = (router: Router, deps: BotDeps) => void;

/** `false`: not this command after all (later routes, then the fallback, get their turn). */
export type CommandHandler = (turn: Turn, match: RegExpExecArray) => Promise<void | false>;
export interface CommandOptions {
  /** Only in a 1:1 chat with the bot; elsewhere the command is not matched, or answers `elsewhere`. */
  personalOnly?: boolean;
  elsewhere?: string;
}
export type VerbHandler = (turn: Turn, data: Record<string, unknown>, verb: string) => Promise<CardAttachment>;
/**
 * What a route needs to know of its caller. `member` (the default): their directory record (name
 * and roles; a first-time caller is added). `identity`: only who they are, as the verified activity
 * says (tenant and Entra object id), with no role beyond `member`: for verbs whose use case checks
 * the person against the document itself (a check-in answer: the round's invitees), so the hot path
 * skips a store read. A handler that needs a role sees none and is refused: it fails closed.
 */
export type CallerNeed = 'member' | 'identity';
export interface VerbOptions {
  caller?: CallerNeed;
}
export interface ExtensionHandlers {
  query?: (turn: Turn, query: MessagingExtensionQuery) => Promise<MessagingExtensionResponse>;
  fetchTask?: (turn: Turn, action: MessagingExtensionAction) => Promise<MessagingExtensionActionResponse>;
  submitAction?: (turn: Turn, action: MessagingExtensionAction) => Promise<MessagingExtensionActionResponse>;
}
export type UnfurlHandler = (turn: Turn, match: RegExpExecArray) => Promise<MessagingExtensionResponse>;
export interface DialogHandlers {
  fetch: (turn: Turn, request: TaskModuleRequest) => Promise<TaskModuleResponse>;
  submit: (turn: Turn, request: TaskModuleRequest) => Promise<TaskModuleResponse>;
}
/** Conversation events carry who acted, but there is no caller to resolve (they may be new). */
export type ConversationHandler = (context: TurnContext, who: Identity) => Promise<void>;

interface CommandRoute extends CommandOptions {
  pattern: RegExp;
  handle: CommandHandler;
}

export class Router {
  /** Every unexpected branch (an unknown verb or command id, a message nothing understood) logs one warning with the activity id. */
  constructor(private readonly log: Log) {}

  private readonly commands: CommandRoute[] = [];
  private readonly observers: ConversationHandler[] = [];
  private fallback?: (turn: Turn, text: string) => Promise<void>;
  private readonly verbs = new Map<string, VerbHandler>();
  private readonly identityVerbs = new Set<string>();
  private readonly verbFamilies: { prefix: string; handle: VerbHandler }[] = [];
  private readonly extensions = new Map<string, ExtensionHandlers>();
  private defaultSearch?: ExtensionHandlers['query'];
  private readonly unfurls: { pattern: RegExp; handle: UnfurlHandler }[] = [];
  private dialogs?: DialogHandlers;
  private readonly added: ConversationHandler[] = [];
  private readonly removed: ConversationHandler[] = [];
  private readonly uninstalled: ConversationHandler[] = [];

  // ---------------------------------------------------------------------------------------------
  // Adding routes

  command(pattern: RegExp, handle: CommandHandler, options: CommandOptions = {}): this {
    this.commands.push({ pattern, handle, ...options });
    return this;
  }

  /** What no command matched. */
  otherwise(handle: (turn: Turn, text: string) => Promise<void>): this {
    this.fallback = handle;
    return this;
  }

  /** Runs before the commands for every message from a person in a tenant (e.g. to note their chat). */
  everyMessage(handle: ConversationHandler): this {
    this.observers.push(handle);
    return this;
  }

  verb(verb: string, handle: VerbHandler, options: VerbOptions = {}): this {
    if (this.verbs.has(verb)) throw new Error(`card verb ${verb} is routed twice`);
    this.verbs.set(verb, handle);
    if (options.caller === 'identity') this.identityVerbs.add(verb);
    return this;
  }

  /** What the route of a card verb needs of its caller (VerbOptions). */
  callerNeed(verb: string): CallerNeed {
    return this.identityVerbs.has(verb) ? 'identity' : 'member';
  }

  /** Every verb starting with `prefix` that has no exact route (e.g. "feedback."). */
  verbFamily(prefix: string, handle: VerbHandler): this {
    this.verbFamilies.push({ prefix, handle });
    this.verbFamilies.sort((a, b) => b.prefix.length - a.prefix.length);
    return this;
  }

  /** A message-extension command. `defaultSearch`: its query also answers unknown command ids. */
  extension(commandId: string, handlers: ExtensionHandlers, options: { defaultSearch?: boolean } = {}): this {
    if (this.extensions.has(commandId)) throw new Error(`message-extension command ${commandId} is routed twice`);
    this.extensions.set(commandId, handlers);
    if (options.defaultSearch) this.defaultSearch = handlers.query;
    return this;
  }

  unfurl(pattern: RegExp, handle: UnfurlHandler): this {
    this.unfurls.push({ pattern, handle });
    return this;
  }

  dialog(handlers: DialogHandlers): this {
    if (this.dialogs) throw new Error('the dialog is routed twice');
    this.dialogs = handlers;
    return this;
  }

  membersAdded(handle: ConversationHandler): this {
    this.added.push(handle);
    return this;
  }

  membersRemoved(handle: ConversationHandler): this {
    this.removed.push(handle);
    return this;
  }

  /** The app removed from a conversation (Teams' installationUpdate `remove`). */
  appRemoved(handle: ConversationHandler): this {
    this.uninstalled.push(handle);
    return this;
  }

  // ---------------------------------------------------------------------------------------------
  // Answering (the pipeline calls these inside its stages)

  async noteMessage(context: TurnContext, who: Identity): Promise<void> {
    for (const observe of this.observers) await observe(context, who);
  }

  async membersChanged(change: 'added' | 'removed' | 'uninstalled', context: TurnContext, who: Identity): Promise<void> {
    for (const handle of change === 'added' ? this.added : change === 'removed' ? this.removed : this.uninstalled) await handle(context, who);
  }

  /** Runs the first command that matches; false when none did. Errors are the caller's to word. */
  async answer(turn: Turn, text: string): Promise<boolean> {
    for (const route of this.commands) {
      const match = route.pattern.exec(text);
      if (!match) continue;
      if (route.personalOnly && !turn.personal) {
        if (!route.elsewhere) continue;
        await turn.say(t(turn.locale, route.elsewhere));
        return true;
      }
      if ((await route.handle(turn, match)) !== false) return true;
    }
    return false;
  }

  async respond(turn: Turn, text: string): Promise<void> {
    if (await this.answer(turn, text)) return;
    // What people wrote never reaches the logs: its length says enough to tell a typo from markup.
    this.unexpected(turn, 'message not understood', { length: text.length });
    if (this.fallback) await this.fallback(turn, text);
  }

  private unexpected(turn: Turn, what: string, detail: Record<string, unknown> = {}): void {
    this.log.warn({ activityId: turn.activity.id, conversationType: turn.activity.conversation?.conversationType, ...detail }, what);
  }

  /**
   * A Universal Action: the card that replaces the one clicked. A refusal replaces it with a
   * card saying why; anything unexpected is thrown to the pipeline.
   */
  async act(turn: Turn, verb: string, data: Record<string, unknown>): Promise<CardAttachment> {
    const handle = this.verbs.get(verb) ?? this.verbFamilies.find((f) => verb.startsWith(f.prefix))?.handle;
    if (!handle) {
      this.unexpected(turn, 'card verb not known', { verb });
      return messageCard(turn.locale, 'Leaderful', NO_BUTTON);
    }
    try {
      return await handle(turn, data, verb);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return textCard(turn.locale, 'Leaderful', refusalText(err, turn.locale));
    }
  }

  search(turn: Turn, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    const commandId = String(query.commandId ?? '');
    const handle = this.extensions.get(commandId)?.query;
    if (handle) return handle(turn, query);
    this.unexpected(turn, 'search command not known', { commandId: commandId.slice(0, 100) });
    return this.defaultSearch ? this.defaultSearch(turn, query) : Promise.resolve(extensionResults([]));
  }

  fetchTask(turn: Turn, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    const commandId = String(action.commandId ?? '');
    const handle = this.extensions.get(commandId)?.fetchTask;
    if (handle) return handle(turn, action);
    this.unexpected(turn, 'action command not known', { commandId: commandId.slice(0, 100) });
    return Promise.resolve(dialogMessage(t(turn.locale, NOT_AVAILABLE)));
  }

  submitAction(turn: Turn, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    const commandId = String(action.commandId ?? '');
    const handle = this.extensions.get(commandId)?.submitAction;
    if (handle) return handle(turn, action);
    this.unexpected(turn, 'action command not known', { commandId: commandId.slice(0, 100) });
    return Promise.resolve(dialogMessage(t(turn.locale, NOT_AVAILABLE)));
  }

  /** A link the app's domain handles; nothing to show for links no route knows. */
  unfurlLink(turn: Turn, url: string): Promise<MessagingExtensionResponse> {
    for (const route of this.unfurls) {
      const match = route.pattern.exec(url);
      if (match) return route.handle(turn, match);
    }
    return Promise.resolve(extensionResults([]));
  }

  openDialog(turn: Turn, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    return this.dialogs ? this.dialogs.fetch(turn, request) : Promise.resolve(dialogMessage(t(turn.locale, NOT_AVAILABLE)));
  }

  submitDialog(turn: Turn, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    return this.dialogs ? this.dialogs.submit(turn, request) : Promise.resolve(dialogMessage(t(turn.locale, NOT_AVAILABLE)));
  }
}

/** The route table of a list of features. */
export function routerOf(features: Feature[], deps: BotDeps): Router {
  const router = new Router(deps.log);
  for (const register of features) register(router, deps);
  return router;
}
