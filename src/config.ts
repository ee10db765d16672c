// Every environment variable SLM Radar reads, parsed once with zod. Documented in .env.example.
import { z } from 'zod';
import { toLocale, type Locale } from './i18n.js';

const flag = z
  .string()
  .optional()
  .transform((v) => v !== undefined && /^(1|true|yes|on)$/i.test(v.trim()));

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const positiveNumber = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? Number(v) : fallback))
    .pipe(z.number().positive().finite());

const ConfigSchema = z
  .object({
    OFFLINE: flag,
    HF_ENDPOINT: z.string().url().default('https://huggingface.co'),
    HF_TOKEN: optionalText,
    SAMPLE_SIZE: positiveNumber(10_000).pipe(z.number().int().min(100).max(50_000)),
    CACHE_TTL_SECONDS: positiveNumber(6 * 3600),
    HUB_TIMEOUT_MS: positiveNumber(15_000),
    DATA_DIR: z.string().default('./data'),
    CENSUS_SYNC_MINUTES: z
      .string()
      .optional()
      .transform((v) => (v && v.trim() !== '' ? Number(v) : 60))
      .pipe(z.number().min(0).finite()),
    CENSUS_REWALK_DAYS: positiveNumber(7),
    CENSUS_PAGE_SIZE: positiveNumber(1000).pipe(z.number().int().min(1).max(1000)),
    CENSUS_MAX_MODELS: positiveNumber(5_000_000).pipe(z.number().int()),
    OUT_DIR: z.string().default('./out'),
    SLM_BELOW_B: positiveNumber(7),
    LLM_FROM_B: positiveNumber(20),
    TREND_MIN_KNOWN: positiveNumber(10).pipe(z.number().int()),
    QUICKCHART_URL: z.string().url().default('https://quickchart.io'),
    CHART_MODE: z.enum(['attachment', 'quickchart']).default('attachment'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DISCORD_TOKEN: optionalText,
    DISCORD_APP_ID: optionalText,
    DISCORD_GUILD_ID: optionalText,
    DISCORD_API_URL: optionalText,
    SLACK_BOT_TOKEN: optionalText,
    SLACK_APP_TOKEN: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_API_URL: optionalText,
    /** Hub model links unfurled per Slack channel per minute (a pasted list of 50 links must not flood the Hub). */
    SLACK_UNFURLS_PER_MINUTE: positiveNumber(10).pipe(z.number().int().max(1_000)),
    PORT: positiveNumber(3000).pipe(z.number().int().max(65_535)),
    // Unset: no health server. Set: /healthz and /readyz on this port in every platform mode.
    HEALTH_PORT: z
      .string()
      .optional()
      .transform((v) => (v && v.trim() !== '' ? Number(v) : undefined))
      .pipe(z.number().int().min(1).max(65_535).optional()),
  })
  .refine((c) => c.SLM_BELOW_B <= c.LLM_FROM_B, {
    message: 'SLM_BELOW_B must not be greater than LLM_FROM_B',
    path: ['SLM_BELOW_B'],
  });

export type Config = z.infer<typeof ConfigSchema>;

/** Every variable the schema reads (a test checks that .env.example documents each one). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(ConfigSchema.shape);

/**
 * The console's reply language from the terminal's locale variables, POSIX precedence: LC_ALL, then
 * LC_MESSAGES, then LANG (`fr_FR.UTF-8` → fr); English when none names a language with a catalog.
 * Read apart from loadConfig so a bad configuration can already be explained in that language.
 */
export function consoleLocale(env: Record<string, string | undefined> = process.env): Locale {
  return toLocale([env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v.trim() !== ''));
}

/** Parses the environment; throws one readable error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "not set", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ConfigSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Bad configuration: ${problems}`);
  }
  return result.data;
}
