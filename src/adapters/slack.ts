// The Slack adapter, through @slack/bolt 5: one slash command, /radar, whose first word is the command
// (`/radar classify Qwen/Qwen2.5-0.5B`); @mentions answered in the thread; Hugging Face model links
// unfurled as a card; the "Classify models in this message" shortcut; the App Home tab. Socket Mode
// when SLACK_APP_TOKEN is set (no public URL needed), HTTP mode otherwise (Bolt verifies
// SLACK_SIGNING_SECRET signatures and rejects stale timestamps). Translation only: text goes to the
// bot, the Reply comes back as Block Kit.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
// Named imports: under vitest a default import of this CommonJS module yields the App class itself.
import { App, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import NodeCache from 'node-cache';
import type { Logger as BoltLogger, SlackCommandMiddlewareArgs, AllMiddlewareArgs, types } from '@slack/bolt';
import type { Bot, InvokeOptions } from '../bot.js';
import { quickChartUrl, renderPng } from '../charts/index.js';
import type { Config } from '../config.js';
import { modelOfLink, modelsInText } from '../core/model-links.js';
import { MAX_MESSAGE_MODELS } from '../../commands/classify-message.js';
import { Health, portOf } from '../health.js';
import { InFlight, STOP_TIMEOUT_MS } from '../in-flight.js';
import { t, toLocale, type Locale } from '../i18n.js';
import { findCommand } from '../invoke.js';
import type { Logger } from '../log.js';
import { errorReply, type Reply } from '../reply.js';
import { UncertainPostError } from '../digest/scheduler.js';
import {
  CLASSIFY_SHORTCUT,
  escapeText,
  homeBlocks,
  LIMITS,
  radarCommands,
  radarReply,
  renderCard,
  renderReply,
  SLACK_MARKS,
  SLASH_COMMAND,
  unescapeSlack,
  type SlackMessage,
} from './slack-render.js';

type WebClient = webApi.WebClient;

export interface SlackAdapterOptions {
  /** HTTP mode: the port (default PORT; 0 picks a free one) and interface (default all) to listen on. */
  port?: number;
  host?: string;
  /**
   * Web API retries on network errors and HTTP 5xx. Default: 2 retries within ~1.5 s, instead of
   * the library's ~30 minutes of backoff. Rate limits (429) are not retried here; see below.
   */
  retryConfig?: webApi.RetryOptions;
  /**
   * On HTTP 429 the adapter retries once after Retry-After, if it is at most this many seconds
   * (default 30); a longer wait is not worth it: the user is told to try again later.
   */
  maxRetryAfterSeconds?: number;
  /** Web API request timeout in ms (default 15,000). */
  timeoutMs?: number;
  /** Defaults to bot.log. */
  log?: Logger;
  /** HTTP mode: Bolt's server also answers /healthz and /readyz from this (default: no readiness conditions). */
  health?: Health;
}

export interface SlackAdapter {
  app: App;
  /**
   * Posts a digest in a channel (see postDigest) through a Web API client that never retries by
   * itself: a retried chat.postMessage after a timeout would be a second post.
   */
  post(channel: string, reply: Reply, locale: Locale): Promise<void>;
  /** The HTTP server, in HTTP mode. */
  server?: Server;
  mode: 'socket' | 'http';
  /** Socket Mode: the WebSocket to Slack is open; HTTP mode: the server is listening. For /readyz. */
  connected(): boolean;
  /**
   * Stops taking commands (whoever asks is told the bot is restarting) and waits for the replies in
   * flight, until `deadline` (epoch ms; default 10 s from now). Slack stays connected.
   */
  drain(deadline?: number): Promise<void>;
  /** drain(deadline), then disconnects (Socket Mode) or closes the HTTP server. Idempotent. */
  stop(deadline?: number): Promise<void>;
}

export const DEFAULT_RETRY_CONFIG: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 1000, randomize: true };
const DEFAULT_MAX_RETRY_AFTER_SECONDS = 30;
const LOCALE_TTL_MS = 60 * 60 * 1000;
const LOCALE_FAILURE_TTL_MS = 5 * 60 * 1000;
const LOCALE_WAIT_MS = 1500;

/** Starts the Slack adapter: Socket Mode if SLACK_APP_TOKEN is set, else HTTP mode on PORT. */
export async function startSlack(bot: Bot, options: SlackAdapterOptions = {}): Promise<SlackAdapter> {
  const config = bot.config;
  const log = (options.log ?? bot.log).child({ adapter: 'slack' });
  if (!config.SLACK_BOT_TOKEN) throw new Error('SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…) from the Slack app’s OAuth & Permissions page.');
  const socketMode = config.SLACK_APP_TOKEN !== undefined;
  if (!socketMode && !config.SLACK_SIGNING_SECRET) {
    throw new Error('Set SLACK_APP_TOKEN (xapp-…, Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) to run the Slack adapter.');
  }
  const maxRetryAfterMs = (options.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER_SECONDS) * 1000;
  const clientOptions: webApi.WebClientOptions = {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL.replace(/\/?$/, '/') } : {}),
    retryConfig: options.retryConfig ?? DEFAULT_RETRY_CONFIG,
    // 429s come back as errors at once; `withRateLimitRetry` decides whether one retry is worth it.
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 15_000,
  };
  const health = options.health ?? new Health();
  // Socket Mode: our own receiver, so its client's connection events can be watched (readiness).
  const receiver = socketMode
    ? new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN!, logger: boltLogger(log), installerOptions: { clientOptions } })
    : undefined;
  let socketConnected = false;
  receiver?.client.on('connected', () => (socketConnected = true));
  receiver?.client.on('disconnected', () => (socketConnected = false));
  receiver?.client.on('reconnecting', () => (socketConnected = false));
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    logger: boltLogger(log),
    clientOptions,
    // auth.test runs in init() below, so a bad token rejects startSlack instead of an unhandled rejection.
    deferInitialization: true,
    ...(receiver
      ? { receiver }
      : {
          signingSecret: config.SLACK_SIGNING_SECRET,
          customRoutes: ['/healthz', '/readyz'].map((path) => ({ path, method: ['GET', 'HEAD'], handler: (req, res) => void health.handle(req, res) })),
        }),
  });

  const locales = new UserLocales(log);
  const delivery: Delivery = { config, log, maxRetryAfterMs };
  const inFlight = new InFlight();
  const unfurlBudget = new PerChannelBudget(config.SLACK_UNFURLS_PER_MINUTE, 60_000);
  let stopping = false;
  const retrying = <T>(fn: () => Promise<T>) => withRateLimitRetry(fn, maxRetryAfterMs, log);
  /** Commands named in a reply, written as /radar subcommands; `typed` is a mistyped word to rewrite too. */
  const forSlack = (reply: Reply, typed?: string) => radarReply(reply, typed ? [...bot.commands.map((c) => c.name), typed] : bot.commands.map((c) => c.name));
  const invokeOptions = (locale: Locale, place: NonNullable<InvokeOptions['place']>): InvokeOptions => ({ locale, place, marks: SLACK_MARKS });

  // Slack delivers an event again when it thinks the first delivery was not acknowledged within 3 s
  // (X-Slack-Retry-Num, up to 3 times over ~5 minutes): an event already handled is skipped, so a
  // mention is answered and a link unfurled once.
  const handledEvents = new NodeCache({ stdTTL: 15 * 60, checkperiod: 5 * 60, useClones: false });
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      if (handledEvents.has(eventId)) return log.info({ eventId }, 'Slack: event delivered again, already handled');
      handledEvents.set(eventId, true);
    }
    await next();
  });

  // One slash command; the first word picks the command, nothing (or `help`) is the help.
  app.command(SLASH_COMMAND, async (args) => {
    if (stopping) {
      const locale = locales.cached(args.body.user_id) ?? 'en';
      await args.ack({ response_type: 'ephemeral', text: t(locale, 'adapters.restarting') }).catch((error: unknown) => log.warn({ err: error }, 'Slack restart notice not sent'));
      return;
    }
    await inFlight.track(handleSlashCommand(args));
  });

  async function handleSlashCommand(args: SlashArgs): Promise<void> {
    const { ack, respond, client, context, body } = args;
    const { word, rest } = subcommandOf(unescapeSlack(body.text ?? ''));
    let locale: Locale = locales.cached(body.user_id) ?? 'en';
    try {
      await ack({ response_type: 'ephemeral', text: t(locale, 'slack.working', { command: `radar ${word}` }) });
    } catch (error) {
      log.error({ err: error, command: word }, 'Slack ack failed');
      return;
    }
    try {
      locale = await locales.get(client, body.user_id);
      const place = { platform: 'slack' as const, placeId: body.team_id, channelId: body.channel_id, userId: body.user_id };
      const reply = await run(client, word, rest, locale, place);
      const command = findCommand(bot.commands, word);
      // The reply names commands the /radar way already (run), so its usage is looked for as written there.
      const usage = command ? radarCommands(command.usage, [command.name]) : undefined;
      await answerVia(reply, {
        client,
        channel: body.channel_id,
        locale,
        usage: reply.error?.code === 'bad_input' && usage && !reply.summary.includes(usage) ? usage : undefined,
        privately: (message) => retrying(() => respond({ response_type: 'ephemeral', ...message })),
        publicly: async (message) => void (await retrying(() => respond({ response_type: 'in_channel', ...message }))),
        botUserId: context.botUserId,
      }, delivery);
    } catch (error) {
      log.error({ err: error, code: platformErrorCode(error), command: word }, 'Slack reply failed');
      await respond({ response_type: 'ephemeral', text: slackErrorMessage(error, { locale, botUserId: context.botUserId, what: 'reply' }) }).catch((again: unknown) =>
        log.warn({ err: again }, 'Slack could not even tell the user'),
      );
    }
  }

  /**
   * Runs a command by its word, as /radar and mentions type it: settings commands only for workspace
   * admins; an unknown word gets the "did you mean" of the command list, written the Slack way.
   */
  async function run(client: WebClient, word: string, rest: string, locale: Locale, place: NonNullable<InvokeOptions['place']>): Promise<Reply> {
    const command = findCommand(bot.commands, word);
    if (command?.adminOnly && !(await isAdminOrFalse(client, place.userId, log))) {
      return errorReply('admin_only', t(locale, 'slack.adminOnly', { command: `radar ${command.name}` }), locale);
    }
    return forSlack(await bot.invokeText(`/${word} ${rest}`, invokeOptions(locale, place)), word);
  }

  // @SLM Radar classify … in a channel or a thread: the answer goes in the thread.
  app.event('app_mention', async ({ event, client, context }) => {
    // Never answer a bot (another app, or this one): two bots mentioning each other would loop.
    if (event.bot_id || event.subtype === 'bot_message' || !event.user || event.user === context.botUserId) return;
    if (stopping) return;
    await inFlight.track(handleMention(event, client, context.botUserId, context.teamId ?? event.team));
  });

  async function handleMention(event: types.AppMentionEvent, client: WebClient, botUserId: string | undefined, teamId: string | undefined): Promise<void> {
    const user = event.user!;
    const thread = event.thread_ts ?? event.ts;
    let locale: Locale = 'en';
    try {
      locale = await locales.get(client, user);
      const text = unescapeSlack(afterMention(event.text, botUserId));
      const { word, rest } = subcommandOf(text);
      const place = { platform: 'slack' as const, placeId: teamId ?? '', channelId: event.channel, userId: user };
      // Not a command but models named (`@SLM Radar what about https://huggingface.co/…?`): classify them.
      const models = findCommand(bot.commands, word) ? [] : modelsInText(text);
      const reply = models.length ? forSlack(await bot.classifyMessage(models, invokeOptions(locale, place))) : await run(client, word, rest, locale, place);
      await answerVia(reply, {
        client,
        channel: event.channel,
        thread,
        locale,
        privately: (message) => retrying(() => client.chat.postEphemeral({ channel: event.channel, user, thread_ts: thread, ...message })),
        publicly: async (message) => void (await retrying(() => client.chat.postMessage({ channel: event.channel, thread_ts: thread, ...message }))),
        botUserId,
      }, delivery);
    } catch (error) {
      log.error({ err: error, code: platformErrorCode(error) }, 'Slack mention reply failed');
      await client.chat
        .postEphemeral({ channel: event.channel, user, thread_ts: thread, text: slackErrorMessage(error, { locale, botUserId, what: 'reply' }) })
        .catch((again: unknown) => log.warn({ err: again }, 'Slack could not even tell the user'));
    }
  }

  // A Hugging Face model link posted (or being typed): a compact card under it, at most 5 a message and
  // SLACK_UNFURLS_PER_MINUTE a channel; datasets, Spaces and other pages are left to Slack.
  app.event('link_shared', async ({ event, client, context }) => {
    if (stopping || event.user === context.botUserId) return;
    await inFlight.track(handleLinks(event, client, context.teamId ?? ''));
  });

  async function handleLinks(event: types.LinkSharedEvent, client: WebClient, teamId: string): Promise<void> {
    const byModel = new Map<string, { url: string; id: string }>();
    for (const link of event.links) {
      const id = modelOfLink(link.url);
      if (id && !byModel.has(id.toLowerCase())) byModel.set(id.toLowerCase(), { url: link.url, id });
    }
    const wanted = [...byModel.values()].slice(0, MAX_MESSAGE_MODELS);
    const allowed = wanted.slice(0, unfurlBudget.take(event.channel, wanted.length));
    if (allowed.length < wanted.length) log.info({ channel: event.channel, skipped: wanted.length - allowed.length }, 'Slack: unfurl budget of this channel spent');
    if (allowed.length === 0) return;
    try {
      const locale = await locales.get(client, event.user);
      const place = { platform: 'slack' as const, placeId: teamId, channelId: event.channel, userId: event.user };
      const cards = await Promise.all(allowed.map(async ({ url, id }) => [url, await bot.classifyMessage([id], invokeOptions(locale, place))] as const));
      // A model the Hub does not know (or cannot answer for) gets no card: Slack's own preview stays.
      const unfurls = Object.fromEntries(cards.filter(([, reply]) => !reply.error).map(([url, reply]) => [url, renderCard(forSlack(reply), { locale })]));
      if (Object.keys(unfurls).length === 0) return;
      const target = event.unfurl_id && event.source ? { unfurl_id: event.unfurl_id, source: event.source as 'composer' | 'conversations_history' } : { channel: event.channel, ts: event.message_ts };
      await retrying(() => client.chat.unfurl({ ...target, unfurls }));
    } catch (error) {
      log.warn({ err: error, code: platformErrorCode(error), channel: event.channel }, 'Slack unfurl failed');
    }
  }

  // Message shortcut (⋯ → "Classify models in this message"): the models the message names, for the caller only.
  app.shortcut({ callback_id: CLASSIFY_SHORTCUT, type: 'message_action' }, async ({ shortcut, ack, respond, client, context }) => {
    await ack();
    const locale: Locale = stopping ? (locales.cached(shortcut.user.id) ?? 'en') : await locales.get(client, shortcut.user.id);
    if (stopping) return void (await respond({ response_type: 'ephemeral', text: t(locale, 'adapters.restarting') }).catch(() => undefined));
    await inFlight.track(
      (async () => {
        try {
          const message = shortcut.message as { text?: string; attachments?: Array<{ from_url?: string; title_link?: string }> };
          // Links Slack previewed keep their URL in the attachments too.
          const text = [message.text ?? '', ...(message.attachments ?? []).flatMap((a) => [a.from_url, a.title_link])].filter(Boolean).join('\n');
          const place = { platform: 'slack' as const, placeId: shortcut.team?.id ?? context.teamId ?? '', channelId: shortcut.channel.id, userId: shortcut.user.id };
          const reply = forSlack(await bot.classifyMessage(modelsInText(unescapeSlack(text)), invokeOptions(locale, place)));
          await retrying(() => respond({ response_type: 'ephemeral', ...renderReply(reply, { locale }) }));
        } catch (error) {
          log.error({ err: error, code: platformErrorCode(error) }, 'Slack shortcut reply failed');
          await respond({ response_type: 'ephemeral', text: slackErrorMessage(error, { locale, botUserId: context.botUserId, what: 'reply' }) }).catch(() => undefined);
        }
      })(),
    );
  });

  // App Home: how to use SLM Radar, and this workspace's digests.
  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'home' || stopping) return;
    await inFlight.track(
      (async () => {
        try {
          const locale = await locales.get(client, event.user);
          const place = { platform: 'slack' as const, placeId: context.teamId ?? '', channelId: event.channel, userId: event.user };
          const subscriptions = forSlack(await bot.invoke('subscriptions', {}, invokeOptions(locale, place)));
          await retrying(() => client.views.publish({ user_id: event.user, view: { type: 'home', blocks: homeBlocks(subscriptions, { locale, botUserId: context.botUserId }) } }));
        } catch (error) {
          log.warn({ err: error, code: platformErrorCode(error) }, 'Slack App Home not published');
        }
      })(),
    );
  });

  app.error(async (error) => {
    log.error({ err: error }, 'Slack handler error');
  });

  try {
    await app.init();
  } catch (error) {
    const code = platformErrorCode(error);
    throw new Error(`Slack did not accept SLACK_BOT_TOKEN${code ? ` (${code})` : ''}: ${(error as Error).message}`, { cause: error });
  }
  let server: Server | undefined;
  if (socketMode) {
    await app.start();
    log.info('Slack adapter connected (Socket Mode)');
  } else {
    server = (await app.start({ port: options.port ?? config.PORT, host: options.host })) as Server;
    refuseFutureTimestamps(server, log);
    log.info({ port: portOf(server) }, 'Slack adapter listening (HTTP mode, POST /slack/events)');
  }
  async function drain(deadline = Date.now() + STOP_TIMEOUT_MS): Promise<void> {
    stopping = true;
    await inFlight.settled(deadline);
  }
  let stopped: Promise<void> | undefined;
  const digestClient = new webApi.WebClient(config.SLACK_BOT_TOKEN, { ...clientOptions, retryConfig: { retries: 0 }, logger: boltLogger(log) });
  return {
    app,
    post: (channel, reply, locale) => postDigest(digestClient, channel, reply, { config, locale, log, maxRetryAfterSeconds: options.maxRetryAfterSeconds }),
    server,
    mode: socketMode ? 'socket' : 'http',
    connected: () => !stopping && (receiver ? socketConnected : server?.listening === true),
    drain,
    stop(deadline) {
      stopped ??= (async () => {
        await drain(deadline);
        if (inFlight.size > 0) log.warn({ pending: inFlight.size }, 'Slack: closing with replies still in flight');
        // Keep-alive connections would hold the HTTP server's close open.
        server?.closeIdleConnections();
        await app.stop();
        handledEvents.close();
      })();
      return stopped;
    },
  };
}

/** How far a request's timestamp may be from now, either way (Bolt only refuses old ones). */
export const MAX_TIMESTAMP_SKEW_SECONDS = 5 * 60;

/**
 * Bolt refuses requests stamped more than 5 minutes in the past, not in the future: a signed request
 * captured now could be replayed for as long as its stamp is ahead. Checked before Bolt sees it.
 */
function refuseFutureTimestamps(server: Server, log: Logger): void {
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const stamp = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(stamp) && stamp - Date.now() / 1000 > MAX_TIMESTAMP_SKEW_SECONDS) {
      log.warn({ stamp }, 'Slack request stamped in the future refused');
      res.writeHead(401, { 'content-type': 'text/plain' }).end('');
      return;
    }
    for (const handler of handlers) handler.call(server, req, res);
  });
}

interface Delivery {
  config: Pick<Config, 'CHART_MODE' | 'QUICKCHART_URL'>;
  log: Logger;
  maxRetryAfterMs: number;
}

type SlashArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** `classify Qwen/Qwen2.5-0.5B` → `{ word: 'classify', rest: 'Qwen/Qwen2.5-0.5B' }`; nothing → the help. */
export function subcommandOf(text: string): { word: string; rest: string } {
  const match = /^\s*\/?(\S*)\s*([\s\S]*)$/.exec(text)!;
  return { word: match[1].toLowerCase() || 'help', rest: match[2].trim() };
}

/**
 * A mention's text without the bot's own mention: what follows it (`@SLM Radar classify x`), or what
 * comes before it when nothing does (`classify x @SLM Radar`).
 */
export function afterMention(text: string, botUserId: string | undefined): string {
  const mention = new RegExp(`<@${botUserId ?? '[UW][A-Z0-9]+'}(?:\\|[^>]*)?>`);
  const at = mention.exec(text);
  if (!at) return text.trim();
  const after = text.slice(at.index + at[0].length).trim();
  return after || text.slice(0, at.index).trim();
}

/**
 * How many of `wanted` unfurls a channel may have now: each channel has `perWindow` in any
 * `windowMs`, refilled continuously (a token bucket per channel).
 */
export class PerChannelBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly perWindow: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(channel: string, wanted: number): number {
    const now = this.now();
    const bucket = this.buckets.get(channel) ?? { tokens: this.perWindow, at: now };
    bucket.tokens = Math.min(this.perWindow, bucket.tokens + ((now - bucket.at) * this.perWindow) / this.windowMs);
    bucket.at = now;
    const granted = Math.max(0, Math.min(wanted, Math.floor(bucket.tokens)));
    bucket.tokens -= granted;
    if (this.buckets.size >= 10_000 && !this.buckets.has(channel)) this.buckets.delete(this.buckets.keys().next().value!);
    this.buckets.set(channel, bucket);
    return granted;
  }
}

interface Answer {
  client: WebClient;
  channel: string;
  /** Replies to a mention go in its thread (the chart too). */
  thread?: string;
  locale: Locale;
  /** The command's usage, under a bad-input error that does not show it yet. */
  usage?: string;
  /** Both wait out a short rate limit themselves (withRateLimitRetry). */
  privately(message: SlackMessage): Promise<unknown>;
  publicly(message: SlackMessage): Promise<void>;
  botUserId?: string;
}

/**
 * Errors and private replies (previews) go to the caller only; answers go to the channel (or the
 * thread), then the chart: a QuickChart image block, or the PNG uploaded beside the answer.
 */
async function answerVia(reply: Reply, to: Answer, delivery: Delivery): Promise<void> {
  const { locale } = to;
  const retrying = <T>(fn: () => Promise<T>) => withRateLimitRetry(fn, delivery.maxRetryAfterMs, delivery.log);
  const chartUrl = publicChartUrl(reply, delivery);
  if (reply.error || reply.ephemeral) {
    const usage = to.usage ? t(locale, 'slack.usage', { usage: to.usage }) : undefined;
    // Slack has no private files: a private preview links the chart only when it can be a public QuickChart image.
    const noChart = reply.chart && !chartUrl ? t(locale, 'slack.privateChart') : undefined;
    const hint = [usage, noChart].filter(Boolean).join(' ') || undefined;
    await to.privately(renderReply(reply, { locale, chartUrl, hint }));
    return;
  }
  await to.publicly(renderReply(reply, { locale, chartUrl }));
  if (reply.chart && !chartUrl) {
    try {
      await retrying(() => uploadChart(to.client, to.channel, reply, to.thread));
    } catch (error) {
      delivery.log.warn({ err: error, code: platformErrorCode(error), channel: to.channel }, 'Slack chart upload failed');
      // to.privately waits out a rate limit itself.
      await to.privately({ text: slackErrorMessage(error, { locale, botUserId: to.botUserId, what: 'chart' }), blocks: [] });
    }
  }
}

/** Admin check for `adminOnly` commands; when Slack cannot say, the answer is no. */
async function isAdminOrFalse(client: WebClient, userId: string, log: Logger): Promise<boolean> {
  try {
    return await isWorkspaceAdmin(client, userId);
  } catch (error) {
    log.warn({ err: error, code: platformErrorCode(error) }, 'Slack admin check failed; refusing');
    return false;
  }
}

/** The QuickChart URL to show in an image block, when CHART_MODE=quickchart and it fits Slack's 3,000 chars. */
function publicChartUrl(reply: Reply, delivery: Delivery): string | undefined {
  if (!reply.chart || delivery.config.CHART_MODE !== 'quickchart') return undefined;
  try {
    const url = quickChartUrl(reply.chart.config, { baseUrl: delivery.config.QUICKCHART_URL });
    return url.length <= LIMITS.imageUrl ? url : undefined;
  } catch (error) {
    delivery.log.warn({ err: error }, 'QuickChart URL failed; uploading the PNG instead');
    return undefined;
  }
}

/** Renders the chart to PNG and shares it in the channel (files.uploadV2: URL, upload, complete). */
async function uploadChart(client: WebClient, channel: string, reply: Reply, thread?: string): Promise<string | undefined> {
  const chart = reply.chart!;
  const file = { file: renderPng(chart.config), filename: chart.fileName, title: reply.title.slice(0, 250), alt_text: chart.alt.slice(0, LIMITS.fileAltText) };
  const result = await client.files.uploadV2(thread ? { channel_id: channel, thread_ts: thread, ...file } : { channel_id: channel, ...file });
  const files = (result as { files?: Array<{ files?: Array<{ id?: string }> }> }).files;
  return files?.[0]?.files?.[0]?.id;
}

export interface PostOptions {
  /** CHART_MODE and QUICKCHART_URL; default: upload the PNG. */
  config?: Partial<Pick<Config, 'CHART_MODE' | 'QUICKCHART_URL'>>;
  locale?: Locale;
  /** Longest Retry-After worth one retry on HTTP 429, in seconds (default 30). */
  maxRetryAfterSeconds?: number;
  log?: Logger;
}

/**
 * Posts a reply in a channel as the bot (the weekly digest): the same blocks as a slash-command
 * answer, once, then the chart (image block, or the PNG uploaded). One retry on a short rate limit;
 * every other Slack error of the post (not_in_channel, channel_not_found…) propagates to the caller.
 * A chart that cannot be uploaded does not undo the post: it is logged.
 */
export async function postToChannel(client: WebClient, channel: string, reply: Reply, options: PostOptions = {}): Promise<{ ts?: string; fileId?: string }> {
  const log = options.log ?? silent;
  const delivery: Delivery = {
    config: { CHART_MODE: options.config?.CHART_MODE ?? 'attachment', QUICKCHART_URL: options.config?.QUICKCHART_URL ?? 'https://quickchart.io' },
    log,
    maxRetryAfterMs: (options.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER_SECONDS) * 1000,
  };
  const chartUrl = publicChartUrl(reply, delivery);
  const message: SlackMessage = renderReply(reply, { locale: options.locale, chartUrl });
  const posted = await withRateLimitRetry(() => client.chat.postMessage({ channel, ...message }), delivery.maxRetryAfterMs, log);
  if (!reply.chart || chartUrl) return { ts: posted.ts };
  try {
    return { ts: posted.ts, fileId: await withRateLimitRetry(() => uploadChart(client, channel, reply), delivery.maxRetryAfterMs, log) };
  } catch (error) {
    log.warn({ err: error, code: platformErrorCode(error), channel }, 'Slack chart upload failed; the post stands without it');
    return { ts: posted.ts };
  }
}

/**
 * postToChannel for the scheduler: an error Slack answered (`ok:false`, a rate limit) means nothing was
 * posted; any other (timeout, HTTP 5xx, network) may come after Slack posted, so it is an
 * UncertainPostError and is not retried. `client` should not retry by itself (see startSlack's `post`).
 */
export async function postDigest(client: WebClient, channel: string, reply: Reply, options: PostOptions = {}): Promise<void> {
  try {
    await postToChannel(client, channel, reply, options);
  } catch (error) {
    if (platformErrorCode(error)) throw error;
    throw new UncertainPostError(`Slack post outcome unknown: ${(error as Error).message ?? error}`, { cause: error });
  }
}

/** Whether a user may change workspace settings (digest subscriptions): admin, owner or primary owner. */
export async function isWorkspaceAdmin(client: WebClient, userId: string): Promise<boolean> {
  const { user } = await client.users.info({ user: userId });
  return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
}

/** The Slack error code of a Web API failure (`not_in_channel`…), `ratelimited`, or undefined. */
export function platformErrorCode(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number } | undefined;
  if (e?.code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  if (e?.code === 'slack_bolt_respond_error' && e.statusCode === 429) return 'ratelimited';
  return e?.data?.error;
}

/** Seconds to wait before retrying, if `error` is a rate limit. */
function retryAfterSeconds(error: unknown): number | undefined {
  const e = error as { code?: string; retryAfter?: number; statusCode?: number } | undefined;
  if (e?.code === 'slack_webapi_rate_limited_error') return Math.max(0, e.retryAfter ?? 1);
  if (e?.code === 'slack_bolt_respond_error' && e.statusCode === 429) return 1;
  return undefined;
}

/** Runs `fn`; after a rate limit whose Retry-After is at most `maxWaitMs`, waits it out and runs it once more. */
export async function withRateLimitRetry<T>(fn: () => Promise<T>, maxWaitMs: number, log?: Logger): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const wait = retryAfterSeconds(error);
    if (wait === undefined || wait * 1000 > maxWaitMs) throw error;
    log?.warn({ retryAfter: wait }, 'Slack rate limit: retrying once');
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    return fn();
  }
}

/** What the user reads when Slack refuses something: what happened and what to do. */
export function slackErrorMessage(error: unknown, options: { locale?: Locale; botUserId?: string; what?: 'chart' | 'reply' } = {}): string {
  const locale = options.locale ?? 'en';
  const me = options.botUserId ? `<@${escapeText(options.botUserId)}>` : '@SLM Radar';
  const what = options.what ?? 'reply';
  const code = platformErrorCode(error);
  switch (code) {
    case 'not_in_channel':
      return t(locale, 'slack.error.notInChannel', { what, me });
    case 'channel_not_found':
      return t(locale, 'slack.error.channelNotFound', { me });
    case 'is_archived':
      return t(locale, 'slack.error.archived');
    case 'ratelimited':
      return t(locale, 'slack.error.rateLimited');
    case 'missing_scope':
    case 'not_allowed_token_type':
    case 'restricted_action':
      return t(locale, 'slack.error.missingScope');
    default:
      return t(locale, 'slack.error.other', { what, detail: code ? ` (${escapeText(code)})` : '' });
  }
}

/** The user's Slack language (users.info with include_locale), cached; English when unknown. */
class UserLocales {
  private readonly entries = new Map<string, { locale: Locale; until: number }>();
  constructor(private readonly log: Logger) {}

  cached(userId: string): Locale | undefined {
    const entry = this.entries.get(userId);
    return entry && entry.until > Date.now() ? entry.locale : undefined;
  }

  async get(client: WebClient, userId: string): Promise<Locale> {
    const known = this.cached(userId);
    if (known) return known;
    let locale: Locale = 'en';
    let ttl = LOCALE_FAILURE_TTL_MS;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('users.info timed out')), LOCALE_WAIT_MS);
      });
      const { user } = await Promise.race([client.users.info({ user: userId, include_locale: true }), timeout]);
      locale = toLocale(user?.locale);
      ttl = LOCALE_TTL_MS;
    } catch (error) {
      this.log.debug({ err: error }, 'Slack user locale unknown; answering in English');
    } finally {
      clearTimeout(timer);
    }
    if (this.entries.size >= 10_000) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(userId, { locale, until: Date.now() + ttl });
    return locale;
  }
}

const silent = { debug() {}, info() {}, warn() {}, error() {} } as unknown as Logger;

/** Bolt (and the Socket Mode client) log through our pino logger. */
function boltLogger(log: Logger): BoltLogger {
  const emit =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]) => {
      const err = parts.find((p) => p instanceof Error);
      const text = parts.filter((p) => typeof p === 'string' || typeof p === 'number').join(' ');
      const details = parts.filter((p) => p !== err && typeof p === 'object' && p !== null);
      // Objects go in as fields, so pino's redaction of tokens applies to them.
      log[level]({ ...(err ? { err } : {}), ...(details.length ? { detail: details.length === 1 ? details[0] : details } : {}) }, text);
    };
  const levels: Record<string, LogLevel> = { trace: LogLevel.DEBUG, debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    setLevel() {},
    getLevel: () => levels[log.level] ?? LogLevel.ERROR,
    setName() {},
  };
}
