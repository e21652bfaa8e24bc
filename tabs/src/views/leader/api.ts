import type { PitfallSignal, Summary } from '../../../../domain/feedback';
import type { Portfolio, PortfolioFilter } from '../../../../domain/portfolio';
import { queryString, type ApiClient } from '../../api/client';

/**
 * The leader view's calls and shapes: the portfolio and its CSV, and the feedback overview
 * (counts per group, pitfall signals, the anonymity threshold). The feedback inbox it shows is
 * feedback's own call.
 */
export type { Portfolio, PortfolioFilter, PortfolioPilot, PracticeOutcome, TrendPoint } from '../../../../domain/portfolio';
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
const portfolioQuery = (f: LeaderPortfolioFilter) => queryString({ status: f.status, practiceId: f.practiceId, teamId: f.teamId, managerId: f.managerId, group: f.group });
const summaryQuery = (q: SummaryQuery) => queryString({ teamId: q.teamId, weeks: q.weeks });

export const getPortfolio = (api: ApiClient, filter: LeaderPortfolioFilter, signal?: AbortSignal) => api.get<Portfolio>(`/api/leader/portfolio${portfolioQuery(filter)}`, { signal });

/** The pilots CSV for the same filters as the view: built (and privacy-checked) by the server. */
export const pilotsCsv = (api: ApiClient, filter: LeaderPortfolioFilter) => api.file(`/api/leader/pilots.csv${portfolioQuery(filter)}`);

export const feedbackSummary = (api: ApiClient, q: SummaryQuery, signal?: AbortSignal) => api.get<Summary>(`/api/feedback/summary${summaryQuery(q)}`, { signal });

export const feedbackCsv = (api: ApiClient, q: SummaryQuery) => api.file(`/api/feedback/export.csv${summaryQuery(q)}`);

export const getSignals = (api: ApiClient, signal?: AbortSignal) =>
  api.get<{ threshold: number; period: { from: string; to: string }; signals: PitfallSignal[] }>('/api/signals', { signal });

export const getAnonymity = (api: ApiClient, signal?: AbortSignal) => api.get<AnonymitySettings>('/api/settings/anonymity', { signal });

export const setAnonymity = (api: ApiClient, anonymityThreshold: number) => api.put<AnonymitySettings>('/api/settings/anonymity', { body: { anonymityThreshold } });
