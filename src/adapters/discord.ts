// The Discord adapter: every command of commands/ as a slash command over the gateway (Guilds
// intent only). Translation only: an interaction becomes `bot.invoke(name, options, {locale})`,
// and the Reply becomes an embed + chart (see discord-render.ts). No per-command code here.
//
// Ephemeral errors. Discord fixes a reply's visibility at the defer, and the first follow-up after
// a defer replaces the "thinking…" placeholder with the placeholder's visibility. So:
// - options the command's schema already rejects (no I/O, checked before deferring) → the defer
//   itself is ephemeral and the explanation edits it;
// - errors found while running (unknown model, Hub down, internal) → the public placeholder is
//   deleted, then the explanation goes as an ephemeral follow-up (if the delete fails, it edits
//   the placeholder instead, so the user still gets an answer).
import { randomUUID } from 'node:crypto';
import {
  Client,
  Events,
  GatewayIntentBits,
  InteractionResponseType,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  Status,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type MessageContextMenuCommandInteraction,
  type RESTOptions,
} from 'discord.js';
import type { Bot, InvokeOptions } from '../bot.js';
import type { Command } from '../command.js';
import { modelsInText } from '../core/model-links.js';
import { PIPELINE_TAGS } from '../core/tags.js';
import { t, toLocale, type Locale } from '../i18n.js';
import { findCommand, type RawArgs } from '../invoke.js';
import type { Logger } from '../log.js';
import type { Reply } from '../reply.js';
import { InFlight, STOP_TIMEOUT_MS } from '../in-flight.js';
import { withDeadline } from '../time.js';
import { adapterWords, DISCORD_MARKS, NO_MENTIONS, renderMessage, textMessage, type RenderOptions } from './discord-render.js';

export { slashCommandsJson, applicationCommandsJson, messageMenuJson, registerCommands, inviteUrl, BOT_PERMISSIONS } from './discord-commands.js';
export { renderMessage, replyEmbed, DISCORD_LIMITS, type RenderOptions } from './discord-render.js';

/** Autocomplete must answer within 3 s; this leaves room for the trip back to Discord. */
export const AUTOCOMPLETE_DEADLINE_MS = 2500;
export { STOP_TIMEOUT_MS } from '../in-flight.js';
const MAX_CHOICES = 25;
const CHOICE_LENGTH = 100;

export interface DiscordOptions {
  /** Bot token; default `config.DISCORD_TOKEN`. */
  token?: string;
  /** REST base, e.g. `https://discord.com/api`; default `config.DISCORD_API_URL`, else Discord's. */
  apiUrl?: string;
  /** Extra REST options (tests set `retries: 0`). */
  rest?: Partial<RESTOptions>;
  /** Chart mode and QuickChart URL; default from the config (CHART_MODE, QUICKCHART_URL). */
  render?: RenderOptions;
  autocompleteDeadlineMs?: number;
  stopTimeoutMs?: number;
  /** How long to wait for the gateway's READY after login. */
  readyTimeoutMs?: number;
}

export interface DiscordAdapter {
  client: Client;
  /** Posts a reply to a channel (digests); see postToChannel. */
  post(channelId: string, reply: Reply, locale: Locale, nonce?: string): Promise<Message>;
  /** Whether the gateway session is up (every shard READY): /readyz. */
  connected(): boolean;
  /**
   * Stops taking commands (whoever asks is told the bot is restarting) and waits for the replies in
   * flight, until `deadline` (epoch ms; default stopTimeoutMs from now). The client stays connected.
   */
  drain(deadline?: number): Promise<void>;
  /** drain(deadline), then destroys the client. Idempotent. */
  stop(deadline?: number): Promise<void>;
}

/** An error as it may be logged: no interaction/webhook tokens, no request bodies (PNG bytes). */
export function loggableError(error: unknown): Record<string, unknown> {
  const redact = (text: string) => text.replace(/(\/(?:webhooks|interactions)\/\d+\/)[^/?\s]+/g, '$1[redacted]');
  if (!(error instanceof Error)) return { message: redact(String(error)) };
  const e = error as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
  return {
    type: e.name,
    message: redact(e.message),
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.status !== undefined ? { status: e.status } : {}),
    ...(typeof e.method === 'string' ? { method: e.method } : {}),
    ...(typeof e.url === 'string' ? { url: redact(e.url) } : {}),
    stack: redact(e.stack ?? ''),
  };
}

/** The interaction's options as the raw args `invoke` validates (top-level options only). */
function argsOf(interaction: ChatInputCommandInteraction | AutocompleteInteraction): RawArgs {
  const args: RawArgs = {};
  for (const o of interaction.options.data) {
    if (typeof o.value === 'string' || typeof o.value === 'number' || typeof o.value === 'boolean') args[o.name] = o.value;
  }
  return args;
}

/** Whether the command's schema accepts these options: checked before deferring, with no I/O. */
function acceptsInput(command: Command | undefined, args: RawArgs): boolean {
  if (!command) return false;
  try {
    return command.schema.safeParse(args).success;
  } catch {
    return true; // let invoke() be the judge
  }
}

/** Entries of `list` matching what was typed, ignoring case: prefix matches first, then the rest containing it. */
function matching(list: readonly string[], query: string, max: number, starts = (entry: string, q: string) => entry.startsWith(q)): string[] {
  const q = query.trim().toLowerCase();
  const prefix = list.filter((entry) => starts(entry.toLowerCase(), q));
  const inside = list.filter((entry) => !starts(entry.toLowerCase(), q) && entry.toLowerCase().includes(q));
  return [...prefix, ...inside].slice(0, max);
}

/** Task tags matching what was typed: prefix matches first, then substrings. */
export function tagSuggestions(query: string, max = MAX_CHOICES): string[] {
  return matching(PIPELINE_TAGS, query, max);
}

/** Every IANA time zone Node knows, UTC first (Intl lists only region/city zones). */
const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone')];

/** Time zones matching what was typed: `paris`, `europe/p`, `new_y`, `new y` (a city's or the whole name's start first). */
export function timeZoneSuggestions(query: string, max = MAX_CHOICES): string[] {
  const typed = query.replace(/ /g, '_');
  return matching(TIME_ZONES, typed, max, (zone, q) => zone.startsWith(q) || zone.split('/').some((part) => part.startsWith(q)));
}

/** Autocomplete choices: at most 25, values Discord accepts (≤100 characters), no duplicates. */
function toChoices(values: readonly string[]): { name: string; value: string }[] {
  const seen = new Set<string>();
  const out: { name: string; value: string }[] = [];
  for (const v of values) {
    if (!v || v.length > CHOICE_LENGTH || seen.has(v)) continue; // a cut value would be another id
    seen.add(v);
    out.push({ name: v, value: v });
    if (out.length === MAX_CHOICES) break;
  }
  return out;
}

/**
 * Posts a reply to a channel as a message: the same embed + chart as a command's answer, no
 * mentions. Errors (unknown channel, missing access, Discord down) propagate to the caller.
 */
export async function postToChannel(client: Client, channelId: string, reply: Reply, locale: Locale, render: RenderOptions = {}, nonce?: string): Promise<Message> {
  const channel = await client.channels.fetch(channelId);
  if (!channel?.isSendable()) throw new Error(`Discord channel ${channelId} cannot receive messages from the bot.`);
  // With a nonce Discord answers a repeated post (discord.js's retry after its REST timeout, or ours)
  // with the message it already created, instead of a second one.
  return channel.send({ ...renderMessage(reply, locale, render), ...(nonce ? { nonce, enforceNonce: true } : {}) });
}

/** Logs in and answers every slash command and autocomplete until stop(). */
export async function startDiscord(bot: Bot, options: DiscordOptions = {}): Promise<DiscordAdapter> {
  const log: Logger = bot.log;
  const token = options.token ?? bot.config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set: create a bot in the Discord developer portal and put its token in DISCORD_TOKEN.');
  const apiUrl = options.apiUrl ?? bot.config.DISCORD_API_URL;
  const render: RenderOptions = { chartMode: bot.config.CHART_MODE, quickChartUrl: bot.config.QUICKCHART_URL, ...options.render };
  const autocompleteDeadline = options.autocompleteDeadlineMs ?? AUTOCOMPLETE_DEADLINE_MS;

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: { ...(apiUrl ? { api: apiUrl } : {}), ...options.rest },
  });

  const inFlight = new InFlight();
  let stopping = false;
  let stopped: Promise<void> | undefined;

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const locale = toLocale(interaction.locale);
    const name = interaction.commandName;
    const args = argsOf(interaction);
    const command = findCommand(bot.commands, name);
    // Default member permissions hide settings commands, but server admins can change those:
    // the permission the member has on this interaction is what counts.
    if (command?.adminOnly && !stopping && !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      return tell(interaction, adapterWords(locale).manageOnly(name), { command: name });
    }
    const privateFromStart = command?.replyPrivately === true || !acceptsInput(command, args);
    await answer(interaction, name, privateFromStart, (options) => bot.invoke(name, args, options));
  }

  /** The message menu: the models the message names (links and ids), classified, to the caller only. */
  async function onMessageMenu(interaction: MessageContextMenuCommandInteraction): Promise<void> {
    const message = interaction.targetMessage;
    // Links may be only in the embeds Discord made of them (a link with its preview suppressed stays in the text).
    const text = [message.content, ...message.embeds.flatMap((e) => [e.url, e.title, e.description])].filter(Boolean).join('\n');
    const models = modelsInText(text);
    await answer(interaction, 'classify-message', true, (options) => bot.classifyMessage(models, options));
  }

  /** A short private text answer (refusals, the restart notice). */
  async function tell(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction, text: string, context: Record<string, unknown>): Promise<void> {
    await interaction
      .reply({ ...textMessage(text), flags: MessageFlags.Ephemeral })
      .catch((error: unknown) => log.warn({ err: loggableError(error), ...context }, 'discord: short answer not sent'));
  }

  /**
   * Acknowledges at once (privately when `privateFromStart`), runs `produce`, and shows its reply:
   * an error or private reply found after a public acknowledgement replaces it with a private follow-up.
   */
  async function answer(
    interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
    name: string,
    privateFromStart: boolean,
    produce: (options: InvokeOptions) => Promise<Reply>,
  ): Promise<void> {
    const started = Date.now();
    const locale = toLocale(interaction.locale);
    const words = adapterWords(locale);
    const context = { command: name, interaction: interaction.id, guild: interaction.guildId ?? undefined, locale };
    if (stopping) return tell(interaction, words.restarting, context);
    try {
      // At once: Discord gives 3 seconds for the first answer.
      await interaction.deferReply(privateFromStart ? { flags: MessageFlags.Ephemeral } : {});
    } catch (error) {
      log.warn({ err: loggableError(error), ...context }, 'discord: could not defer (interaction expired or Discord unreachable)');
      return;
    }

    let placeholderDeleted = false;
    try {
      const place = {
        platform: 'discord' as const,
        placeId: interaction.guildId ?? interaction.channelId,
        channelId: interaction.channelId,
        userId: interaction.user.id,
        // What the bot may do in this channel, as Discord reports it with the interaction.
        canPost: interaction.appPermissions?.has([PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks, PermissionFlagsBits.AttachFiles]),
      };
      const reply = await produce({ locale, place, marks: DISCORD_MARKS });
      const message = renderMessage(reply, locale, {
        ...render,
        onChartError: (error) => log.warn({ err: loggableError(error), ...context }, 'discord: chart could not be drawn; answering without it'),
      });
      const wantsPrivate = reply.ephemeral === true || reply.error !== undefined;
      if (wantsPrivate && !privateFromStart) {
        placeholderDeleted = await interaction.deleteReply().then(
          () => true,
          (error: unknown) => {
            log.warn({ err: loggableError(error), ...context }, 'discord: placeholder not deleted; the error is shown publicly');
            return false;
          },
        );
      }
      if (placeholderDeleted) await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
      else await interaction.editReply(message);
      log.info({ ...context, ms: Date.now() - started, ...(reply.error ? { error: reply.error.code } : {}) }, 'discord: answered');
    } catch (error) {
      const errorId = randomUUID().slice(0, 8);
      log.error({ err: loggableError(error), errorId, ...context }, 'discord: reply failed');
      const apology = textMessage(words.apology(errorId));
      const sent = placeholderDeleted
        ? interaction.followUp({ ...apology, flags: MessageFlags.Ephemeral })
        : interaction.editReply({ ...apology, attachments: [] });
      await sent.catch((second: unknown) => log.warn({ err: loggableError(second), errorId, ...context }, 'discord: apology not sent either'));
    }
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    // Discord's 3 s run from when the user typed, which the interaction's id records; gateway lag eats into them.
    const created = interaction.createdTimestamp;
    const received = created <= Date.now() && Date.now() - created < AUTOCOMPLETE_DEADLINE_MS ? created : Date.now();
    const focused = interaction.options.getFocused(true);
    const query = String(focused.value ?? '').trim().slice(0, CHOICE_LENGTH);
    const source = findCommand(bot.commands, interaction.commandName)?.options.find((o) => o.name === focused.name)?.autocomplete;
    let values: string[] = [];
    if (source && !stopping) {
      const search =
        source === 'model'
          ? bot.hub.search(query, MAX_CHOICES)
          : Promise.resolve(source === 'timezone' ? timeZoneSuggestions(query) : tagSuggestions(query));
      const found = await withDeadline(search, autocompleteDeadline - (Date.now() - received));
      // Late or failed: offer what was typed, so the user can still send it.
      values = found ?? (query ? [query] : []);
      if (!found) log.debug({ command: interaction.commandName, option: focused.name }, 'discord: autocomplete search missed its deadline');
    }
    await interaction
      .respond(toChoices(values))
      .catch((error: unknown) => log.debug({ err: loggableError(error), command: interaction.commandName }, 'discord: autocomplete answer dropped'));
  }

  // discord.js builds the interaction (options included) inside its gateway handler, where a malformed
  // payload (`data.options` a string) throws out of the event loop and kills the process. Guard that
  // step: log it, and answer the interaction with an error through the raw callback.
  const action = (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): unknown } } }).actions.InteractionCreate;
  const handle = action.handle.bind(action);
  action.handle = (data: unknown) => {
    try {
      return handle(data);
    } catch (error) {
      const raw = (data ?? {}) as { id?: unknown; token?: unknown; type?: unknown; locale?: unknown };
      const errorId = randomUUID().slice(0, 8);
      log.error({ err: loggableError(error), errorId, interaction: raw.id, type: raw.type }, 'discord: malformed interaction payload');
      if (typeof raw.id === 'string' && typeof raw.token === 'string' && raw.type !== 4) {
        const text = t(toLocale(typeof raw.locale === 'string' ? raw.locale : undefined), 'input.malformedPayload', { errorId });
        client.rest
          .post(Routes.interactionCallback(raw.id, raw.token), {
            body: { type: InteractionResponseType.ChannelMessageWithSource, data: { ...textMessage(text), flags: MessageFlags.Ephemeral } },
            auth: false,
          })
          .catch((second: unknown) => log.warn({ err: loggableError(second), errorId }, 'discord: could not answer a malformed interaction'));
      }
      return undefined;
    }
  };

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    void inFlight.track(
      (async () => {
        if (interaction.isChatInputCommand()) await onCommand(interaction);
        else if (interaction.isMessageContextMenuCommand()) await onMessageMenu(interaction);
        else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      })().catch((error: unknown) => log.error({ err: loggableError(error), interaction: interaction.id }, 'discord: interaction handler failed')),
    );
  });
  client.on(Events.Error, (error) => log.error({ err: loggableError(error) }, 'discord: client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord: warning'));
  client.on(Events.ShardError, (error, shard) => log.error({ err: loggableError(error), shard }, 'discord: gateway error'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, 'discord: gateway disconnected'));
  client.on(Events.ShardResume, (shard) => log.info({ shard }, 'discord: gateway resumed'));
  client.rest.on('rateLimited', (info) => log.debug({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'discord: rate limited'));

  async function drain(deadline = Date.now() + (options.stopTimeoutMs ?? STOP_TIMEOUT_MS)): Promise<void> {
    stopping = true;
    await inFlight.settled(deadline);
  }

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(token);
    const isReady = await withDeadline(ready.then(() => true), options.readyTimeoutMs ?? 30_000);
    if (!isReady) throw new Error('Discord gateway did not become ready in time.');
  } catch (error) {
    await client.destroy();
    throw error;
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord: connected');

  return {
    client,
    post: (channelId, reply, locale, nonce) => postToChannel(client, channelId, reply, locale, render, nonce),
    // A dropped gateway connection puts its shard back to connecting/resuming until discord.js reconnects.
    connected: () => !stopping && client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready),
    drain,
    stop(deadline) {
      stopped ??= (async () => {
        await drain(deadline);
        if (inFlight.size > 0) log.warn({ pending: inFlight.size }, 'discord: closing with replies still in flight');
        await client.destroy();
        log.info('discord: stopped');
      })();
      return stopped;
    },
  };
}
