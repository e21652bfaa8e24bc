/** Text plus, when it is the server's untranslated English, the language to mark it with. */
export interface Worded {
  text: string;
  lang?: 'en';
}

/** Server wording kept in English is marked so screen readers read it with an English voice. */
export function WordedText({ worded, className }: { worded: Worded; className?: string }) {
  return (
    <span lang={worded.lang} className={className}>
      {worded.text}
    </span>
  );
}
