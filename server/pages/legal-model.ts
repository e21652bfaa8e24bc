import type { RetentionKind } from '../../domain/retention';

/** What the policy pages state as figures: from the code that applies them, never retyped. */
export interface LegalFacts {
  retention: Record<RetentionKind, { days: number; minDays: number; maxDays: number }>;
  threshold: { default: number; min: number; max: number };
}

export interface Section {
  heading: string;
  paragraphs?: string[];
  list?: string[];
}

export interface LegalPage {
  title: string;
  intro: string;
  sections: Section[];
}

/** One language's words for the privacy and terms pages (a missing language is a type error). */
export interface LegalText {
  privacy: (facts: LegalFacts) => LegalPage;
  terms: (facts: LegalFacts) => LegalPage;
  /** "30 days", "2 years". */
  period: (days: number) => string;
  otherLanguage: string;
  seeAlso: { privacy: string; terms: string };
}

/** Days as whole years or months where they are, else days. */
export function periodIn(days: number, units: { year: [string, string]; month: [string, string]; day: [string, string] }): string {
  const n = (count: number, [one, many]: [string, string]) => `${count} ${count === 1 ? one : many}`;
  if (days >= 365 && days % 365 === 0) return n(days / 365, units.year);
  if (days >= 60 && days % 30 === 0) return n(days / 30, units.month);
  return n(days, units.day);
}
