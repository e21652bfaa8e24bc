import type { Next, Request, Response } from 'restify';
import type { Config } from './config';

/** Hosts allowed to frame the tab: Teams on the web, desktop, Outlook and the Microsoft 365 app. */
export const TEAMS_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://*.microsoft365.com',
];

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Fluent UI (Griffel) injects style elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  // teams-js reads its list of valid Teams domains from Microsoft's CDN.
  "connect-src 'self' https://res.cdn.office.net",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  `frame-ancestors ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
].join('; ');

export function securityHeaders(config: Pick<Config, 'NODE_ENV'>) {
  return (req: Request, res: Response, next: Next): void => {
    res.header('Content-Security-Policy', CSP);
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    // API answers are personal (feedback, answers, paths): never kept in a browser, Teams desktop or proxy cache.
    if (String(req.url ?? '').startsWith('/api/')) res.header('Cache-Control', 'no-store');
    if (config.NODE_ENV === 'production') res.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}
