import type { PitfallSignal, Summary } from '../../../../domain/feedback';
import type { Portfolio, PortfolioFilter, PortfolioFirstRows } from '../../../../domain/portfolio';
import { queryString, type ApiClient } from '../../api/client';
import type { LeaderFilter } from '../../router';
import { PILOT_STATUSES, type PilotStatus } from '../pilots/api';

/**
 * The leader view's calls and shapes: the portfolio and its CSV, and the feedback overview
 * (counts per group, pitfall signals, the anonymity threshold). The feedback inbox it shows is
 * feedback's own call.
 */
export type { Portfolio, PortfolioFilter, PortfolioFirstRows, PortfolioPilot, PortfolioRow, PracticeOutcome, TrendPoint } from '../../../../domain/portfolio';
export type { PitfallSignal, Summary, SummaryCounts, SummaryGroup } from '../../../../domain/feedback';

export interface AnonymitySettings {
  anonymityThreshold: number;
  min: number;
  max: number;
}

export interface SummaryQuery {
  teamId?: string;
  weeks?: number;
}

/** The portfolio's filters; `group` narrows it to a managers' group of the pulse (the at-risk digest's links). */
export type LeaderPortfolioFilter = Omit<PortfolioFilter, 'managerIds'> & { group?: string };
/** The portfolio's filters from the view's (hash) filters: a status the tab doesn't know (an old or hand-edited link) is dropped, not sent. */
export function portfolioFilterOf(filter: LeaderFilter): LeaderPortfolioFilter {
  const { signal: _flagged, ...portfolioFilter } = filter;
  return { ...portfolioFilter, status: (PILOT_STATUSES as readonly string[]).includes(filter.status ?? '') ? (filter.status as PilotStatus) : undefined };
}
/** The filters as the portfolio's routes (and `/api/me`'s opening) read them. */
const portfolioParams = (f: LeaderPortfolioFilter) => ({ status: f.status, practiceId: f.practiceId, teamId: f.teamId, managerId: f.managerId, group: f.group });
const portfolioQuery = (f: LeaderPortfolioFilter) => queryString(portfolioParams(f));
const summaryQuery = (q: SummaryQuery) => queryString({ teamId: q.teamId, weeks: q.weeks });

const portfolioPath = (filter: LeaderPortfolioFilter, first?: boolean) => `/api/leader/portfolio${first ? '/first' : ''}${portfolioQuery(filter)}`;

export const getPortfolio = (api: ApiClient, filter: LeaderPortfolioFilter, signal?: AbortSignal) => api.get<Portfolio>(portfolioPath(filter), { signal });

/** The grid's first rows and the totals (a few KB), for the pilots section while the whole portfolio loads. */
export const getFirstRows = (api: ApiClient, filter: LeaderPortfolioFilter, signal?: AbortSignal) => api.get<PortfolioFirstRows>(portfolioPath(filter, true), { signal });

/** The first rows, if they came along with /api/me and are here already (ApiClient.take). */
export const takeFirstRows = (api: ApiClient, filter: LeaderPortfolioFilter) => api.take<PortfolioFirstRows>(portfolioPath(filter, true));

/** The grid's first rows, brought along by `/api/me` for leaders who open the pilots section (server/api/me.ts). */
export const firstRowsOpening = (filter: LeaderPortfolioFilter) => ({ query: { opening: 'leader', ...portfolioParams(filter) }, path: portfolioPath(filter, true) });

/** Asks for what a leader link shows first while the app starts (see ApiClient.prefetch): the pilots' first rows, or the whole portfolio. */
export const prefetchPortfolio = (api: ApiClient, filter: LeaderPortfolioFilter, firstRows: boolean) => api.prefetch(portfolioPath(filter, firstRows));

/** The pilots CSV for the same filters as the view: built (and privacy-checked) by the server. */
export const pilotsCsv = (api: ApiClient, filter: LeaderPortfolioFilter) => api.file(`/api/leader/pilots.csv${portfolioQuery(filter)}`);

export const feedbackSummary = (api: ApiClient, q: SummaryQuery, signal?: AbortSignal) => api.get<Summary>(`/api/feedback/summary${summaryQuery(q)}`, { signal });

export const feedbackCsv = (api: ApiClient, q: SummaryQuery) => api.file(`/api/feedback/export.csv${summaryQuery(q)}`);

export const getSignals = (api: ApiClient, signal?: AbortSignal) =>
  api.get<{ threshold: number; period: { from: string; to: string }; signals: PitfallSignal[] }>('/api/signals', { signal });

export const getAnonymity = (api: ApiClient, signal?: AbortSignal) => api.get<AnonymitySettings>('/api/settings/anonymity', { signal });

export const setAnonymity = (api: ApiClient, anonymityThreshold: number) => api.put<AnonymitySettings>('/api/settings/anonymity', { body: { anonymityThreshold } });
