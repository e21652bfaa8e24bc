import { ERASED_NAME, type Subject } from './model';

/**
 * Finding a person in stored documents, and writing them out of them. Ids match whole (not as
 * part of a longer id), names match as whole words in any case: whatever field or text holds
 * them, keys of maps included (a round's schedule, an election's votes).
 */
export class Mentions {
  private readonly ids: RegExp[];
  private readonly names: RegExp[];

  constructor(
    subject: Subject,
    /** What stands for the person's ids from now on (their one-way reference). */
    private readonly reference: string,
  ) {
    // Longer first: a Teams id ("29:<id>") contains the Entra id.
    const ids = [subject.userId, ...subject.otherIds].filter(Boolean).sort((a, b) => b.length - a.length);
    this.ids = ids.map((id) => new RegExp(`(?<![\\w-])${escape(id)}(?![\\w-])`, 'g'));
    const names = [...new Set(subject.names.map((n) => n.trim()).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
    this.names = names.map((n) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(n)}(?![\\p{L}\\p{N}])`, 'giu'));
  }

  /** Whether the document names the person anywhere. */
  in(doc: unknown): boolean {
    const text = JSON.stringify(doc);
    return [...this.ids, ...this.names].some((re) => {
      re.lastIndex = 0;
      return re.test(text);
    });
  }

  /** Whether this one value is the person's id. */
  isPerson(value: unknown): boolean {
    return typeof value === 'string' && this.ids.some((re) => {
      re.lastIndex = 0;
      const m = re.exec(value);
      return !!m && m[0].length === value.length;
    });
  }

  /** The value with every id of the person replaced by the reference and every name by ERASED_NAME. */
  scrub<T>(value: T): T {
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [this.text(k), this.walk(v)]));
    }
    return value;
  }

  private text(s: string): string {
    let out = s;
    for (const re of this.ids) out = out.replace(re, this.reference);
    for (const re of this.names) out = out.replace(re, ERASED_NAME);
    return out;
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
