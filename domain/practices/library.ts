import type { Practice, Question } from './model';
import { bankQuestion } from './questions';
import { PRACTICES_ES } from './library-es';

/** Built-in practices every tenant starts with (English here, Spanish in ./library-es.ts). Tenants' admins add their own. */
type Seed = Omit<Practice, 'tenantId' | 'id' | 'type' | 'builtIn' | 'translations'> & { slug: string };

/** A practice's default check-in questions, from the bank (so they come translated). */
const ask = (...ids: string[]): Question[] => ids.map(bankQuestion);

export const PRACTICE_SEEDS: Seed[] = [
  {
    slug: 'rotating-facilitator',
    name: 'Rotating meeting facilitator',
    summary: 'Each week a different team member runs the team meeting.',
    why: 'Sharing the chair spreads ownership of how the team works and grows everyone’s facilitation skills.',
    how: ['Publish a rota at the start', 'The facilitator sets the agenda two days ahead', 'Close each meeting with one minute of feedback for the facilitator'],
    measures: ['Every member facilitates at least once', 'Meeting usefulness rated 4+ by most members'],
    pitfalls: ['The manager keeps chairing from the side, so the rota is in name only', 'First-time facilitators get no agenda template or support'],
    questions: ask('confidence', 'usefulness', 'voice', 'progress', 'blocker'),
    tags: ['meetings', 'ownership'],
  },
  {
    slug: 'delegated-decisions',
    name: 'Delegated decision rights',
    summary: 'Agree which decisions the team makes without the manager, and stick to it.',
    why: 'Teams move faster and learn more when routine decisions do not wait for one person.',
    how: ['List ten recurring decisions', 'Mark each: team decides, team decides then informs, manager decides', 'Review the list monthly'],
    measures: ['Decisions waiting on the manager drop by half', 'Autonomy score rises'],
    pitfalls: ['Decisions handed over are quietly taken back when something goes wrong', 'The list is agreed once and never revisited'],
    questions: ask('confidence', 'autonomy', 'clarity', 'progress', 'blocker'),
    tags: ['autonomy', 'speed'],
  },
  {
    slug: 'weekly-retro',
    name: 'Weekly team retrospective',
    summary: 'Thirty minutes each week on what to keep, drop and try.',
    why: 'Small regular adjustments beat rare large reorganisations.',
    how: ['Same time every week', 'Everyone adds notes before the meeting', 'Pick one change, name an owner'],
    measures: ['One improvement shipped each week', 'Participation above 80%'],
    pitfalls: ['Actions are agreed but nobody owns them, so nothing changes', 'The retro is the first meeting cancelled in a busy week'],
    questions: ask('confidence', 'kept-practice', 'usefulness', 'progress', 'blocker'),
    tags: ['learning', 'meetings'],
  },
  {
    slug: 'peer-coaching',
    name: 'Peer coaching circle',
    summary: 'Trios meet fortnightly to coach each other on a real challenge.',
    why: 'Colleagues often see our blind spots better than we do, and coaching builds trust across the team.',
    how: ['Form trios across roles', 'One person brings a challenge, two ask open questions', 'End with one commitment'],
    measures: ['Each trio meets at least four times', 'Members report a useful commitment each session'],
    pitfalls: ['Sessions drift into advice-giving instead of open questions', 'Trios stop meeting after the first month'],
    questions: ask('confidence', 'kept-practice', 'growth', 'learning', 'blocker'),
    tags: ['coaching', 'growth'],
  },
  {
    slug: 'you-said-we-did',
    name: '“You said, we did” feedback ritual',
    summary: 'Every month, show the team what changed because of their feedback.',
    why: 'People keep speaking up only when they can see something happen as a result.',
    how: ['Collect feedback continuously', 'Pick what you will act on and say why', 'Publish a short “you said, we did” note monthly'],
    measures: ['Feedback items acknowledged within a week', 'More feedback given month over month'],
    pitfalls: ['Only the easy feedback gets a visible answer', 'The note promises changes that never land'],
    questions: ask('confidence', 'voice', 'progress', 'blocker', 'next-step'),
    tags: ['feedback', 'trust'],
  },
  {
    slug: 'stretch-with-mentor',
    name: 'Stretch assignment with a mentor',
    summary: 'Give someone work above their level, with a mentor to lean on.',
    why: 'Growth comes from doing slightly more than we think we can, with support close at hand.',
    how: ['Choose a bounded, visible piece of work', 'Pair with a mentor outside the reporting line', 'Meet weekly for 20 minutes'],
    measures: ['Assignment delivered', 'Person reports increased confidence'],
    pitfalls: ['The stretch work is added on top of a full workload', 'The mentor is the person’s own manager'],
    questions: ask('confidence', 'growth', 'workload', 'learning', 'blocker'),
    tags: ['growth', 'development'],
  },
  {
    slug: 'decision-log',
    name: 'Team decision log',
    summary: 'Record each significant decision with its reasons and who made it.',
    why: 'A visible log reduces re-litigation and helps new members understand why things are as they are.',
    how: ['Keep one shared page', 'Log decision, date, owner, reasons, alternatives', 'Review monthly for decisions to revisit'],
    measures: ['Every significant decision logged', 'Fewer repeated debates'],
    pitfalls: ['The log records outcomes but not the reasons', 'Nobody reads it, so debates repeat anyway'],
    questions: ask('confidence', 'clarity', 'kept-practice', 'progress', 'blocker'),
    tags: ['transparency', 'decisions'],
  },
  {
    slug: 'skip-level-listening',
    name: 'Skip-level listening sessions',
    summary: 'Senior leaders meet small groups two levels down, to listen rather than present.',
    why: 'Leaders hear what does not travel up the line, and people see that their voice reaches the top.',
    how: ['Groups of five to eight', 'Leader asks three open questions and mostly listens', 'Share back what will change'],
    measures: ['Every team reached once a quarter', 'Follow-up actions published'],
    pitfalls: ['The leader presents instead of listening', 'Nothing said is followed up, and trust drops'],
    questions: ask('confidence', 'voice', 'progress', 'blocker', 'next-step'),
    tags: ['listening', 'leaders'],
  },
  {
    slug: 'one-on-one-agenda',
    name: 'Member-owned one-on-ones',
    summary: 'The team member, not the manager, sets the agenda of each one-on-one.',
    why: 'One-on-ones become the member’s time, about what matters to them, instead of status updates.',
    how: ['Shared agenda the member fills in', 'Status updates move to written form', 'Manager asks: what do you need from me?'],
    measures: ['One-on-ones happen as planned', 'Members rate them useful'],
    pitfalls: ['The manager fills the agenda “to help”', 'One-on-ones are the first thing cancelled'],
    questions: ask('confidence', 'usefulness', 'autonomy', 'progress', 'blocker'),
    tags: ['coaching', 'one-on-ones'],
  },
  {
    slug: 'no-meeting-focus',
    name: 'Protected focus time',
    summary: 'Two half-days a week with no meetings for the whole team.',
    why: 'Deep work needs uninterrupted time; protecting it is a leadership choice.',
    how: ['Agree the blocks together', 'Decline meetings in them by default', 'Check how the time was used'],
    measures: ['Blocks kept 80% of weeks', 'Workload score improves'],
    pitfalls: ['Senior people book over the blocks “just this once”', 'The blocks are kept but filled with chat and email'],
    questions: ask('confidence', 'focus-kept', 'workload', 'progress', 'blocker'),
    tags: ['workload', 'focus'],
  },
  {
    slug: 'recognition-round',
    name: 'Weekly recognition round',
    summary: 'Close the week with each person recognising a colleague’s contribution.',
    why: 'Specific, frequent recognition builds a culture where good work is noticed.',
    how: ['Five minutes at the end of the week', 'Name the person and the specific thing', 'Rotate who starts'],
    measures: ['Everyone recognised at least monthly', 'Recognition score rises'],
    pitfalls: ['Recognition becomes generic (“great job everyone”)', 'The same few people are always named'],
    questions: ask('confidence', 'recognised', 'voice', 'progress', 'blocker'),
    tags: ['recognition', 'culture'],
  },
  {
    slug: 'experiment-budget',
    name: 'Team experiment budget',
    summary: 'A small time budget the team spends on improvement experiments of its choosing.',
    why: 'Giving teams room to try things signals trust and surfaces ideas managers would not have.',
    how: ['Reserve a few hours a fortnight', 'Team picks experiments by vote', 'Share results, including failures'],
    measures: ['One experiment completed each month', 'At least one adopted per quarter'],
    pitfalls: ['The budget is the first thing cut in a busy fortnight', 'Failed experiments are hidden, so nothing is learnt'],
    questions: ask('confidence', 'autonomy', 'learning', 'blocker', 'next-step'),
    tags: ['autonomy', 'innovation'],
  },
];

export function builtInPractices(tenantId: string): Practice[] {
  return PRACTICE_SEEDS.map(({ slug, ...p }) => ({ ...p, id: `practice:${slug}`, tenantId, type: 'practice', builtIn: true, translations: { es: PRACTICES_ES[slug] } }));
}

/** A built-in practice as the library has it now, unless the tenant's admins have edited it. */
export function currentBuiltIn(practice: Practice): Practice {
  if (!practice.builtIn || practice.editedAt) return practice;
  const seed = builtInPractices(practice.tenantId).find((p) => p.id === practice.id);
  return seed ? { ...practice, ...seed, retired: practice.retired, _etag: practice._etag } : practice;
}
