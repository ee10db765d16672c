// Command → Discord slash command JSON, built with discord.js's builders from each command's
// declared options (no per-command code), and the registration call `npm run register` makes.
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  Locale as DiscordLocale,
  OAuth2Scopes,
  PermissionFlagsBits,
  REST,
  Routes,
  SlashCommandBuilder,
  SlashCommandIntegerOption,
  SlashCommandNumberOption,
  type ApplicationCommandOptionBase,
  type LocalizationMap,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command, CommandOption } from '../command.js';
import { LOCALES, tAll, type Locale, type Localized } from '../i18n.js';

/** Discord's limits for command names, descriptions and choices. */
export const COMMAND_LIMITS = { name: 32, description: 100, choices: 25, choiceName: 100, choiceValue: 100, options: 25 } as const;

/** What the bot needs in a channel: Send Messages + Embed Links + Attach Files. */
export const BOT_PERMISSIONS = PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.AttachFiles;

/**
 * The install links. `guild`: added to a server by someone who can manage it (scopes `bot
 * applications.commands`, BOT_PERMISSIONS = 51200). `user`: added to a person's own account (scope
 * `applications.commands` only), so they can use the read-only commands in any server and in DMs.
 */
export function inviteUrl(applicationId: string, install: 'guild' | 'user' = 'guild'): string {
  const params = new URLSearchParams(
    install === 'guild'
      ? { client_id: applicationId, scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '), permissions: BOT_PERMISSIONS.toString(), integration_type: '0' }
      : { client_id: applicationId, scope: OAuth2Scopes.ApplicationsCommands, integration_type: '1' },
  );
  return `https://discord.com/oauth2/authorize?${params}`;
}

/** A description within Discord's 100 characters: cut at a word, with an ellipsis. */
function shortText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= COMMAND_LIMITS.description) return flat;
  const head = flat.slice(0, COMMAND_LIMITS.description - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > 60 ? head.slice(0, space) : head).replace(/[\s,;:.(—–-]+$/, '')}…`;
}

/** Discord's locales of each reply language (`en` → en-US and en-GB, `fr` → fr), so a new catalog needs no change here. */
const discordLocales = (locale: Locale) => Object.values(DiscordLocale).filter((d) => d.split('-')[0] === locale);

/** One value per Discord locale, from each reply language's value. */
const byDiscordLocale = (valueOf: (locale: Locale) => string): LocalizationMap => Object.fromEntries(LOCALES.flatMap((l) => discordLocales(l).map((d) => [d, valueOf(l)])));
/** Commands have one name in every language; descriptions come from each language's catalog. */
const localizedNames = (name: string): LocalizationMap => byDiscordLocale(() => name);
const localizedDescriptions = (text: Localized): LocalizationMap => byDiscordLocale((l) => shortText(text[l]));

function describe<T extends ApplicationCommandOptionBase>(builder: T, option: CommandOption): T {
  return builder
    .setName(option.name)
    .setNameLocalizations(localizedNames(option.name))
    .setDescription(shortText(option.description.en))
    .setDescriptionLocalizations(localizedDescriptions(option.description))
    .setRequired(option.required === true);
}

const choiceList = (choices: readonly string[]) =>
  choices.slice(0, COMMAND_LIMITS.choices).map((c) => ({ name: c.slice(0, COMMAND_LIMITS.choiceName), value: c.slice(0, COMMAND_LIMITS.choiceValue) }));

/** An integer or number option's bounds, and its choices that are valid numbers. */
function numeric<T extends SlashCommandIntegerOption | SlashCommandNumberOption>(
  o: T,
  option: CommandOption,
  choices: { name: string; value: string }[] | undefined,
  valid: (n: number) => boolean,
): T {
  if (option.min !== undefined) o.setMinValue(option.min);
  if (option.max !== undefined) o.setMaxValue(option.max);
  const values = choices?.filter((c) => valid(Number(c.value))).map((c) => ({ name: c.name, value: Number(c.value) }));
  if (values?.length) o.addChoices(...values);
  return o;
}

/** Read-only commands: installed in a server or on a user's account, usable in servers, DMs with the bot and other DMs. */
const EVERYWHERE = {
  integrationTypes: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

/** One command as a slash command. */
export function slashCommand(command: Command): SlashCommandBuilder {
  const builder = new SlashCommandBuilder()
    .setName(command.name)
    .setNameLocalizations(localizedNames(command.name))
    .setDescription(shortText(command.description.en))
    .setDescriptionLocalizations(localizedDescriptions(command.description));
  if (command.adminOnly) {
    // Settings commands: only where the bot is installed in a server, hidden from members without Manage Server.
    builder
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
      .setContexts(InteractionContextType.Guild)
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
  } else if (command.needsChannel) {
    // About a server's channels (its digests): in servers, for both installs.
    builder.setIntegrationTypes(...EVERYWHERE.integrationTypes).setContexts(InteractionContextType.Guild);
  } else {
    builder.setIntegrationTypes(...EVERYWHERE.integrationTypes).setContexts(...EVERYWHERE.contexts);
  }
  // Discord wants required options before optional ones; otherwise the declared order is kept.
  const options = [...command.options].sort((a, b) => Number(b.required === true) - Number(a.required === true)).slice(0, COMMAND_LIMITS.options);
  for (const option of options) {
    const choices = option.choices?.length ? choiceList(option.choices) : undefined;
    // Choices and autocomplete exclude each other on Discord; a fixed list wins.
    const autocomplete = !choices && option.autocomplete !== undefined;
    switch (option.type) {
      case 'string':
        builder.addStringOption((o) => {
          describe(o, option).setAutocomplete(autocomplete);
          return choices ? o.addChoices(...choices) : o;
        });
        break;
      case 'integer':
        builder.addIntegerOption((o) => numeric(describe(o, option), option, choices, Number.isInteger));
        break;
      case 'number':
        builder.addNumberOption((o) => numeric(describe(o, option), option, choices, Number.isFinite));
        break;
      case 'boolean':
        builder.addBooleanOption((o) => describe(o, option));
        break;
    }
  }
  return builder;
}

/** Every command as the JSON body of `PUT /applications/{app}/commands`. */
export function slashCommandsJson(commands: readonly Command[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((c) => slashCommand(c).toJSON());
}

/**
 * The message menu command (right-click a message → Apps): "Classify models in this message". Message
 * commands have no description; their name may have spaces and is localized from the catalog.
 */
export function messageMenuJson(): RESTPostAPIContextMenuApplicationCommandsJSONBody {
  const name: Localized = tAll('discord.messageMenu');
  return new ContextMenuCommandBuilder()
    .setName(name.en)
    .setNameLocalizations(byDiscordLocale((l) => name[l]))
    .setType(ApplicationCommandType.Message)
    .setIntegrationTypes(...EVERYWHERE.integrationTypes)
    .setContexts(...EVERYWHERE.contexts)
    .toJSON();
}

/** What `npm run register` sends: the slash commands and the message menu. */
export function applicationCommandsJson(commands: readonly Command[]): RESTPostAPIApplicationCommandsJSONBody[] {
  return [...slashCommandsJson(commands), messageMenuJson()];
}

export interface RegisterOptions {
  token: string;
  /** The application id; looked up with the token when absent. */
  applicationId?: string;
  /** Register to this guild only (instant, for development); globally otherwise. */
  guildId?: string;
  /** REST base such as `https://discord.com/api` (env DISCORD_API_URL). */
  apiUrl?: string;
}

export interface RegisterResult {
  scope: 'guild' | 'global';
  applicationId: string;
  guildId?: string;
  /** The names Discord now has, as it answered. */
  names: string[];
}

/** Overwrites the application's commands (bulk PUT): to one guild when `guildId` is set, else globally. */
export async function registerCommands(commands: readonly Command[], options: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST({ version: '10', ...(options.apiUrl ? { api: options.apiUrl } : {}) }).setToken(options.token);
  const applicationId = options.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const route = options.guildId ? Routes.applicationGuildCommands(applicationId, options.guildId) : Routes.applicationCommands(applicationId);
  const answer = (await rest.put(route, { body: applicationCommandsJson(commands) })) as Array<{ name: string }>;
  return { scope: options.guildId ? 'guild' : 'global', applicationId, guildId: options.guildId, names: answer.map((c) => c.name) };
}
