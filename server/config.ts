import { z } from 'zod';

/**
 * Every setting the app reads, in one place. Validated once at start-up so a typo fails
 * loudly with the variable's name instead of surfacing later as a confusing runtime error.
 * `.env.example` documents each of them; `test/packaging.test.ts` checks infra provides them.
 */
const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');
/** Unset means "decide from the context" (see main.ts). */
const maybeBool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === 'true' || v === '1'));

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().optional(),
    PUBLIC_URL: z.string().url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    // Bot Framework (read by botbuilder's ConfigurationBotFrameworkAuthentication too).
    MicrosoftAppId: z.string().default(''),
    MicrosoftAppPassword: z.string().default(''),
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: z.string().default(''),
    BOT_OPENID_METADATA: z.string().url().optional(),
    TEAMS_APP_ID: z.string().optional(),

    // Cosmos DB. Unset endpoint = start the embedded server (local development and tests).
    COSMOS_ENDPOINT: z.string().url().optional(),
    COSMOS_KEY: z.string().optional(),
    COSMOS_DATABASE: z.string().min(1).default('leaderful'),
    AZURE_CLIENT_ID: z.string().optional(),
    /** The embedded store's data folder (journal and snapshots in `<DATA_DIR>/cosmos/`). */
    DATA_DIR: z.string().default('data'),
    /** Keep the embedded store's data on disk; default on, except NODE_ENV=test (memory only). */
    EMBEDDED_SNAPSHOT: maybeBool,

    // Tab SSO (Entra ID). Audience is the app registration's client id.
    AAD_APP_CLIENT_ID: z.string().default(''),
    AAD_APP_ID_URI: z.string().optional(),
    AAD_JWKS_URI: z.string().url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
    AAD_AUTHORITY_HOST: z.string().url().default('https://login.microsoftonline.com'),
    /**
     * The Entra tenant whose app role assignments count (Leaderful.Leader, Leaderful.Admin):
     * tokens from any other tenant carry no roles here. Required in production; unset locally.
     */
    AAD_APP_TENANT_ID: z.string().uuid().optional(),

    // Microsoft Graph: organisation sync and team owners, with the app's managed identity
    // (AZURE_CLIENT_ID). Unset with the embedded store: a local Graph stand-in with the demo
    // organisation; unset otherwise: https://graph.microsoft.com.
    GRAPH_ENDPOINT: z.string().url().optional(),
    /**
     * Notices in the Teams activity feed through Graph (TeamsActivity.Send). Unset: on when Graph
     * is configured (not the local demo stand-in); `false` while the permission is not granted.
     */
    ACTIVITY_FEED: maybeBool,
    /** Local only: the static token of a Graph stand-in, and its certificate (PEM) to trust. */
    GRAPH_LOCAL_TOKEN: z.string().min(8).optional(),
    GRAPH_LOCAL_CA: z.string().optional(),

    // Local-only: pick a demo user instead of SSO. Refused in production.
    DEMO_SIGN_IN: bool,
    SEED_DEMO_DATA: maybeBool,
    /** Scheduler and delivery loops; default on except NODE_ENV=test (tests drive them). */
    BACKGROUND: maybeBool,
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(256 * 1024),
    /** Per-user limits: API requests per minute, feedback items per hour. */
    RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
    RATE_LIMIT_FEEDBACK_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(20),
    /**
     * Per-user limit on actions that message other people (kudos, story questions, coaching
     * notes, project proposals and check-ins, nominations, elections, feedback replies…), on every
     * surface: one person cannot flood anyone's chat or the tenant's delivery.
     */
    RATE_LIMIT_NOTIFY_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(120),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production' && c.DEMO_SIGN_IN) {
      ctx.addIssue({ code: 'custom', path: ['DEMO_SIGN_IN'], message: 'must be off when NODE_ENV=production' });
    }
    if (c.NODE_ENV === 'production' && !c.COSMOS_ENDPOINT) {
      ctx.addIssue({ code: 'custom', path: ['COSMOS_ENDPOINT'], message: 'is required when NODE_ENV=production' });
    }
    if (c.NODE_ENV === 'production' && !c.MicrosoftAppId) {
      // An empty app id switches Bot Framework authentication off.
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppId'], message: 'is required when NODE_ENV=production' });
    }
    if (c.NODE_ENV === 'production' && !c.AAD_APP_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['AAD_APP_CLIENT_ID'], message: 'is required when NODE_ENV=production' });
    }
    if (c.NODE_ENV === 'production' && !c.AAD_APP_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['AAD_APP_TENANT_ID'], message: 'is required when NODE_ENV=production (the tenant whose app roles count)' });
    }
    if (c.NODE_ENV === 'production' && (c.GRAPH_LOCAL_TOKEN || c.GRAPH_LOCAL_CA)) {
      ctx.addIssue({ code: 'custom', path: [c.GRAPH_LOCAL_TOKEN ? 'GRAPH_LOCAL_TOKEN' : 'GRAPH_LOCAL_CA'], message: 'is for a local Graph stand-in and must be unset when NODE_ENV=production' });
    }
    if (c.GRAPH_LOCAL_TOKEN && !c.GRAPH_ENDPOINT) {
      ctx.addIssue({ code: 'custom', path: ['GRAPH_ENDPOINT'], message: 'is required with GRAPH_LOCAL_TOKEN (the stand-in to talk to)' });
    }
    if (!c.DEMO_SIGN_IN && !c.AAD_APP_CLIENT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['AAD_APP_CLIENT_ID'],
        message: 'is required unless DEMO_SIGN_IN=true (local development only)',
      });
    }
  });

export type Config = z.output<typeof schema>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every setting.`);
  }
  return parsed.data;
}
