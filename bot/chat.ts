import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import type { Domain } from '../domain';
import { DomainError } from '../domain/shared/errors';
import type { Caller } from '../domain/shared/caller';
import { isValidTimeZone } from '../domain/shared/schedule';
import { renderCard } from './cards';
import { CIRCLE_COMMANDS } from './circles';
import { STATUS_LABEL, localeOf, t, type Locale } from './i18n';
import { pilotTabLink, tabHomeLink, type LinkConfig } from './links';
import { checkinThanksCard } from './notifications';

/** Chat commands: what people type to the bot in a 1:1, group chat or channel. */
export const COMMANDS = [
  { name: 'my pilots', description: 'List the pilots you run or take part in' },
  { name: 'launch pilot', description: 'Start a new leadership-practice pilot' },
  { name: 'feedback', description: 'Give feedback to your manager or senior leaders, named or anonymous' },
  { name: 'pause me for 7 days', description: 'Skip check-ins while you are away' },
  { name: 'time zone Europe/Madrid', description: 'Set the time zone your check-ins follow' },
  { name: 'celebrations off', description: 'Celebrate you privately, never in the team (on to undo)' },
  { name: 'help', description: 'Show what Leaderful can do' },
];

export function normaliseCommand(context: TurnContext): string {
  const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}

export type ExtraCommand = (context: TurnContext, caller: Caller, text: string) => Promise<boolean>;

export class ChatCommands {
  private readonly extra: ExtraCommand[] = [];

  constructor(
    private readonly domain: Domain,
    private readonly links: LinkConfig,
  ) {}

  /** Lets another feature answer commands of its own (e.g. "feedback"). */
  register(command: ExtraCommand): void {
    this.extra.push(command);
  }

  async handle(context: TurnContext, caller: Caller): Promise<void> {
    const locale = localeOf(context.activity.locale);
    const text = normaliseCommand(context);
    const command = text.toLowerCase();
    let m: RegExpExecArray | null;
    if (command === 'my pilots' || command === 'pilots') return this.myPilots(context, caller, locale);
    if (['launch pilot', 'launch a pilot', 'new pilot'].includes(command)) return this.launch(context, locale);
    if (command === 'help' || command === '') return this.help(context, '', locale);
    if ((m = /^pause(?: me)?(?: for)? (\d{1,3}) days?$/.exec(command))) return this.pause(context, caller, Number(m[1]), locale);
    if ((m = /^time ?zone ([\w/+-]{1,60})$/i.exec(text))) return this.timeZone(context, caller, m[1], locale);
    if ((m = /^celebrations? (on|off)$/.exec(command))) return this.celebrations(context, caller, m[1] === 'off', locale);
    if (context.activity.conversation?.conversationType === 'personal' && (m = /^([1-5])(?:\s*[-—:,.]?\s+(.+))?$/s.exec(text))) {
      if (await this.quickAnswer(context, caller, Number(m[1]), m[2], locale)) return;
    }
    for (const extra of this.extra) if (await extra(context, caller, text)) return;
    return this.help(context, t(locale, "Sorry, I didn't understand “{text}”.", { text: text.slice(0, 60) }), locale);
  }

  async help(context: TurnContext, intro = '', locale: Locale = 'en'): Promise<void> {
    // Circle commands are listed too (they work in group chats and channels; see bot/circles.ts).
    const commands = [...COMMANDS, ...CIRCLE_COMMANDS].map((c) => ({ name: c.name, description: t(locale, c.description) }));
    const card = renderCard('help', { intro, commands, tabUrl: tabHomeLink(this.links) }, [], locale);
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.content)));
  }

  /** A button that opens the launch form as a dialog (task/fetch). */
  private async launch(context: TurnContext, locale: Locale): Promise<void> {
    const card = renderCard('launch', {}, [], locale);
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.content)));
  }

  private async myPilots(context: TurnContext, caller: Caller, locale: Locale): Promise<void> {
    const pilots = (await this.domain.pilots.list(caller)).slice(0, 10);
    const card = renderCard(
      'pilotList',
      {
        heading: t(locale, 'Your pilots'),
        empty: t(locale, 'No pilots yet. Type “launch pilot” to start one.'),
        pilots: pilots.map((p) => ({
          title: p.title,
          subtitle: `${t(locale, STATUS_LABEL[p.status])} · ${p.teamName} · ${p.practiceName}`,
          url: pilotTabLink(this.links, p.id),
        })),
      },
      [],
      locale,
    );
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.content)));
  }

  private async pause(context: TurnContext, caller: Caller, days: number, locale: Locale): Promise<void> {
    try {
      const until = await this.domain.checkins.pauseMe(caller, days);
      await context.sendActivity(t(locale, 'Got it: no check-ins for you until after {until}. Welcome back then!', { until }));
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'validation') return void (await context.sendActivity(t(locale, 'You can pause check-ins for 1 to 90 days, e.g. “pause me for 7 days”.')));
      throw err;
    }
  }

  private async timeZone(context: TurnContext, caller: Caller, tz: string, locale: Locale): Promise<void> {
    if (!isValidTimeZone(tz)) {
      await context.sendActivity(t(locale, "I don't know the time zone “{tz}”. Use a name like Europe/Madrid or America/New_York.", { tz: tz.slice(0, 60) }));
      return;
    }
    await this.domain.directory.updateMember(caller.tenantId, caller.userId, (m) => ({ ...m, timeZone: tz }));
    await context.sendActivity(t(locale, 'Your check-ins now follow {tz} time.', { tz }));
  }

  private async celebrations(context: TurnContext, caller: Caller, optOut: boolean, locale: Locale): Promise<void> {
    await this.domain.celebrations.setOptOut(caller, optOut);
    await context.sendActivity(t(locale, optOut ? 'Done: celebrations of you will come to you privately, never in the team.' : 'Done: your team can celebrate you again.'));
  }

  /** "4 going well" in a 1:1 answers the open check-in: confidence, plus the text as progress. */
  private async quickAnswer(context: TurnContext, caller: Caller, confidence: number, note: string | undefined, locale: Locale): Promise<boolean> {
    const [round] = await this.domain.checkins.openRoundsFor(caller);
    if (!round) return false;
    const { pilot, answer } = await this.domain.checkins.roundFor(caller, round.id);
    const hasConfidence = pilot.questions.some((q) => q.id === 'confidence');
    const hasProgress = pilot.questions.some((q) => q.id === 'progress' && q.kind === 'text');
    if (!hasConfidence) return false;
    const values: Record<string, unknown> = { ...(answer?.values ?? {}), confidence };
    if (note && hasProgress) values.progress = note.trim().slice(0, 1000);
    try {
      const saved = await this.domain.checkins.answer(caller, round.id, values, answer?.shareAnonymously ?? false);
      const card = checkinThanksCard(
        { roundId: round.id, pilotTitle: pilot.title, closesAt: saved.round.closesAt, open: true, questions: pilot.questions, values: saved.answer.values, shared: saved.answer.shareAnonymously },
        locale,
      );
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.content)));
      return true;
    } catch (err) {
      if (err instanceof DomainError && err.kind !== 'unavailable') {
        await context.sendActivity(t(locale, err.message));
        return true;
      }
      throw err;
    }
  }
}
