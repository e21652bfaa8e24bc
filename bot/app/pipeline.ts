import { INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { t, localeOf } from '../i18n';
import { OUTSIDE_TEAMS, failureText } from './errors';
import type { BotDeps, CallerNeed, Router } from './router';
import { inboundMessage } from './inbound';
import { activityIdentity, callerOf, identityCaller, textMessage, turnOf, type Turn } from './turn';

/**
 * The stages around every route, outermost first:
 *
 *  1. failures become words, here and nowhere else: a message gets a sentence back, an invoke
 *     answers with one (it must answer in its HTTP response), anything else is logged;
 *  2. de-duplication: Teams retries messages and events, so each activity id is processed once
 *     (recorded first; forgotten again if the turn fails, so the retry can do the work). Invokes
 *     answer in the HTTP response and are idempotent by design (request ids in forms);
 *  3. the caller, resolved from the activity (never from what a card or form claims); outside a
 *     Teams tenant there is none and the person is told so.
 */
export class Pipeline {
  constructor(
    private readonly router: Router,
    private readonly deps: BotDeps,
  ) {}

  /** Stages 1 and 2 around a whole turn (botbuilder's dispatch runs inside). */
  async turn(context: TurnContext, dispatch: () => Promise<void>): Promise<void> {
    try {
      await this.once(context, dispatch);
      this.noteUnanswered(context);
    } catch (err) {
      const text = failureText(err, localeOf(context.activity.locale), this.deps.log, 'bot turn failed');
      if (context.activity.type === 'message') await context.sendActivity(textMessage(text)).catch(() => undefined);
    }
  }

  /** An invoke no route answers gets botbuilder's 501: worth a warning, like every branch nobody expected. */
  private noteUnanswered(context: TurnContext): void {
    const answer = context.turnState.get(INVOKE_RESPONSE_KEY) as { value?: { status?: number } } | undefined;
    if (context.activity.type !== 'invoke' || answer?.value?.status !== 501) return;
    this.deps.log.warn({ activityId: context.activity.id, name: String(context.activity.name ?? '').slice(0, 100) }, 'invoke not handled');
  }

  private async once(context: TurnContext, work: () => Promise<void>): Promise<void> {
    const { id, type } = context.activity;
    const who = activityIdentity(context.activity);
    if (!id || !who || type === 'invoke') return work();
    const { activities } = this.deps.domain;
    if (!(await activities.firstSight(who.tenantId, id))) {
      this.deps.log.info({ activityId: id, type }, 'duplicate activity ignored');
      return;
    }
    try {
      await work();
    } catch (err) {
      await activities.forget(who.tenantId, id).catch(() => undefined);
      throw err;
    }
  }

  /**
   * A message: stage 3, then the command table (failures go to stage 1). The text is normalised
   * once, here; a message carrying only a card (one inserted from the message extension) or a
   * file is nothing to answer.
   */
  async message(context: TurnContext): Promise<void> {
    const caller = await callerOf(this.deps.domain, context.activity);
    if (!caller) return void (await context.sendActivity(textMessage(t(localeOf(context.activity.locale), OUTSIDE_TEAMS))));
    await this.router.noteMessage(context, activityIdentity(context.activity)!);
    const inbound = inboundMessage(context.activity);
    if (inbound.attachmentsOnly) return void this.deps.log.info({ activityId: context.activity.id }, 'message with only attachments: nothing to answer');
    await this.router.respond(turnOf(context, caller), inbound.text);
  }

  /** Members added (the bot included, on install) or removed: who acted, from the activity; nothing outside a Teams tenant. */
  async membersChanged(change: 'added' | 'removed' | 'uninstalled', context: TurnContext): Promise<void> {
    const who = activityIdentity(context.activity);
    if (who) await this.router.membersChanged(change, context, who);
  }

  /**
   * An invoke: stage 3 (the whole caller, or only their identity when the route says that is all
   * it needs: router.ts CallerNeed), the route, and any failure as the answer `asWords` makes of a
   * sentence.
   */
  async invoke<R>(context: TurnContext, work: (turn: Turn) => Promise<R>, asWords: (text: string) => R, need: CallerNeed = 'member'): Promise<R> {
    const locale = localeOf(context.activity.locale);
    try {
      const caller = need === 'identity' ? identityCaller(context.activity) : await callerOf(this.deps.domain, context.activity);
      if (!caller) return asWords(t(locale, OUTSIDE_TEAMS));
      return await work(turnOf(context, caller));
    } catch (err) {
      return asWords(failureText(err, locale, this.deps.log, 'invoke failed'));
    }
  }
}
