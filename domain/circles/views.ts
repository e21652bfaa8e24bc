import { hasRole, type Caller } from '../shared/caller';
import { type Cadence, type Pilot } from '../pilots/model';
import { type Circle, type Election, type ElectionResult } from './model';
import { ELECTION_RULES } from './schemas';

/** What the tab and the cards get for a circle's election. Ballots are secret: only counts. */
export interface ElectionView {
  number: number;
  status: 'open' | 'closed';
  reason: Election['reason'];
  openedAt: string;
  closesAt: string;
  /** Past members have no name here (`name` absent): the faces call them "a former member". */
  excluded: { id: string; name?: string }[];
  nominees: { id: string; name: string; nominatedByMe: boolean; nominations: number }[];
  votesCast: number;
  myVote?: string;
  result?: Omit<ElectionResult, 'closedBy'> & { closedBy: 'deadline' | 'convenor' | 'admin' | 'member' };
  /** How ties and nobody standing are decided (codes the faces word). */
  rules: typeof ELECTION_RULES;
}

export interface CircleSummary {
  id: string;
  name: string;
  purpose: string;
  kind: Circle['kind'];
  memberCount: number;
  convenor: { id: string; name: string };
  isMember: boolean;
  electionOpen: boolean;
}

export interface CircleView extends CircleSummary {
  teamId: string;
  members: { id: string; name?: string; isConvenor: boolean }[];
  convenorTerm: { id: string; name: string; since: string; termEndsAt?: string; interim: boolean };
  pastConvenors: Circle['convenors'];
  termWeeks: number;
  electionDays: number;
  election?: ElectionView;
  rhythm?: { pilotId: string; status: Pilot['status']; cadence: Cadence; rounds: number; participation: number | null; confidence: number | null };
  can: { edit: boolean; openElection: boolean; closeElection: boolean; nominate: boolean; vote: boolean; leave: boolean };
  createdAt: string;
  etag?: string;
}

export function circleSummary(caller: Caller, c: Circle): CircleSummary {
  return {
    id: c.id,
    name: c.name,
    purpose: c.purpose,
    kind: c.kind,
    memberCount: c.memberIds.length,
    convenor: { id: c.convenor.userId, name: c.convenor.name },
    isMember: c.memberIds.includes(caller.userId),
    electionOpen: c.election?.status === 'open',
  };
}

/** Everything the tab shows of a circle, given its members' names and its rhythm. */
export function circleView(caller: Caller, c: Circle, names: Map<string, string>, rhythm: Pilot | undefined): CircleView {
  const nameOf = (id: string) => names.get(id);
  const isMember = c.memberIds.includes(caller.userId);
  const isConvenor = c.convenor.userId === caller.userId;
  const admin = hasRole(caller, 'admin');
  const e = c.election;
  const open = e?.status === 'open';
  const election: ElectionView | undefined = e && {
    number: e.number,
    status: e.status,
    reason: e.reason,
    openedAt: e.openedAt,
    closesAt: e.closesAt,
    excluded: e.excluded.map((id) => ({ id, name: nameOf(id) })),
    nominees: e.nominees.map((n) => ({ id: n.userId, name: n.name, nominatedByMe: n.nominatedBy.includes(caller.userId), nominations: n.nominatedBy.length })),
    votesCast: Object.keys(e.votes).length,
    myVote: e.votes[caller.userId],
    result: e.result && { ...e.result, closedBy: closedByLabel(c, e.result.closedBy) },
    rules: ELECTION_RULES,
  };
  return {
    ...circleSummary(caller, c),
    teamId: c.teamId,
    members: c.memberIds.map((id) => ({ id, name: nameOf(id), isConvenor: id === c.convenor.userId })).sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff')),
    convenorTerm: { id: c.convenor.userId, name: c.convenor.name, since: c.convenor.since, termEndsAt: c.convenor.termEndsAt, interim: !!c.convenor.interim },
    pastConvenors: c.convenors,
    termWeeks: c.termWeeks,
    electionDays: c.electionDays,
    election,
    rhythm: rhythm && {
      pilotId: rhythm.id,
      status: rhythm.status,
      cadence: rhythm.cadence,
      rounds: rhythm.health.rounds,
      participation: rhythm.health.participation,
      confidence: rhythm.health.confidence,
    },
    can: {
      edit: isConvenor || admin,
      openElection: !open && (isConvenor || admin),
      closeElection: open && (isConvenor || admin),
      nominate: open && isMember,
      vote: open && isMember && !!e?.nominees.length,
      leave: isMember && !isConvenor,
    },
    createdAt: c.createdAt,
    etag: c._etag,
  };
}

/** Who closed an election, as a role rather than a person. */
function closedByLabel(c: Circle, closedBy: string): 'deadline' | 'convenor' | 'admin' | 'member' {
  if (closedBy === 'deadline') return 'deadline';
  if (c.convenors.some((x) => x.userId === closedBy) || c.convenor.userId === closedBy) return 'convenor';
  return c.memberIds.includes(closedBy) ? 'member' : 'admin';
}
