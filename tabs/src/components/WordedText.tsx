import type { Worded } from '../feedback/labels';

/** Server wording kept in English is marked so screen readers read it with an English voice. */
export function WordedText({ worded, className }: { worded: Worded; className?: string }) {
  return (
    <span lang={worded.lang} className={className}>
      {worded.text}
    </span>
  );
}
