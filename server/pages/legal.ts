import type { Request, Response, Server } from 'restify';
import { DEFAULT_THRESHOLD, THRESHOLD_MAX, THRESHOLD_MIN } from '../../domain/anonymity/rules';
import { DEFAULT_POLICY, RETENTION_KIND_NAMES, RETENTION_KINDS } from '../../domain/retention';
import { LOCALES, localeOfAcceptLanguage, type Locale } from '../../i18n';
import { handler } from '../../platform/http';
import type { Log } from '../../platform/log';
import { LEGAL_EN } from './legal-en';
import { LEGAL_ES } from './legal-es';
import type { LegalFacts, LegalPage, LegalText } from './legal-model';

/**
 * The privacy statement and terms of use the Teams manifest links to: static pages, public (no
 * sign-in: Teams shows them before anyone has one), in English and Spanish (`?lang=`, else
 * Accept-Language). Retention periods and the anonymity threshold come from the code that
 * applies them, so the pages cannot drift from what the app does.
 *
 *  GET /privacy[?lang=en|es]    text/html
 *  GET /terms[?lang=en|es]      text/html
 */
const TEXT: Record<Locale, LegalText> = { en: LEGAL_EN, es: LEGAL_ES };

export const LEGAL_FACTS: LegalFacts = {
  retention: Object.fromEntries(RETENTION_KIND_NAMES.map((k) => [k, { days: DEFAULT_POLICY[k], minDays: RETENTION_KINDS[k].minDays, maxDays: RETENTION_KINDS[k].maxDays }])) as LegalFacts['retention'],
  threshold: { default: DEFAULT_THRESHOLD, min: THRESHOLD_MIN, max: THRESHOLD_MAX },
};

const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function pageLocale(req: Request): Locale {
  const asked = (req.query as Record<string, unknown> | undefined)?.lang;
  if (typeof asked === 'string' && (LOCALES as readonly string[]).includes(asked)) return asked as Locale;
  return localeOfAcceptLanguage(req.header('accept-language'));
}

export function renderLegal(which: 'privacy' | 'terms', locale: Locale): string {
  const t = TEXT[locale];
  const page: LegalPage = t[which](LEGAL_FACTS);
  const other: Locale = locale === 'en' ? 'es' : 'en';
  const sibling = which === 'privacy' ? 'terms' : 'privacy';
  const sections = page.sections
    .map((s) => [
      `<h2>${html(s.heading)}</h2>`,
      ...(s.paragraphs ?? []).map((p) => `<p>${html(p)}</p>`),
      ...(s.list ? [`<ul>${s.list.map((i) => `<li>${html(i)}</li>`).join('')}</ul>`] : []),
    ].join('\n'))
    .join('\n');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(page.title)}</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#242424}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:1.6rem}nav a{margin-right:1rem}</style>
</head>
<body>
<nav><a href="/${which}?lang=${other}" hreflang="${other}" lang="${other}">${html(t.otherLanguage)}</a><a href="/${sibling}?lang=${locale}">${html(t.seeAlso[sibling])}</a></nav>
<main>
<h1>${html(page.title)}</h1>
<p>${html(page.intro)}</p>
${sections}
</main>
</body>
</html>
`;
}

export function registerLegalPages(server: Server, log: Log): void {
  const page = (which: 'privacy' | 'terms') =>
    handler(log, async (req: Request, res: Response) => {
      const locale = pageLocale(req);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-language': locale, vary: 'Accept-Language', 'cache-control': 'public, max-age=3600' });
      res.end(renderLegal(which, locale));
    });
  server.get('/privacy', page('privacy'));
  server.get('/terms', page('terms'));
}
