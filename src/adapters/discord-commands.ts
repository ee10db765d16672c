// Command → Discord slash command JSON, built with discord.js's builders from each command's
// declared options (no per-command code), and the registration call `npm run register` makes.
import {
  ApplicationIntegrationType,
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
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command, CommandOption } from '../command.js';
import { LOCALES, type Locale, type Localized } from '../i18n.js';

/** Discord's limits for command names, descriptions and choices. */
export const COMMAND_LIMITS = { name: 32, description: 100, choices: 25, choiceName: 100, choiceValue: 100, options: 25 } as const;

/** What the bot needs in a channel: Send Messages + Embed Links + Attach Files. */
export const BOT_PERMISSIONS = PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.AttachFiles;

/** The invite URL: scopes `bot applications.commands` and BOT_PERMISSIONS (51200). */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
    permissions: BOT_PERMISSIONS.toString(),
  });
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

/** Commands have one name in every language; descriptions come from each language's catalog. */
const localizedNames = (name: string): LocalizationMap => Object.fromEntries(LOCALES.flatMap((l) => discordLocales(l).map((d) => [d, name])));
const localizedDescriptions = (text: Localized): LocalizationMap => Object.fromEntries(LOCALES.flatMap((l) => discordLocales(l).map((d) => [d, shortText(text[l])])));

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

/** One command as a slash command. */
export function slashCommand(command: Command): SlashCommandBuilder {
  const builder = new SlashCommandBuilder()
    .setName(command.name)
    .setNameLocalizations(localizedNames(command.name))
    .setDescription(shortText(command.description.en))
    .setDescriptionLocalizations(localizedDescriptions(command.description))
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  if (command.adminOnly) {
    // Settings commands: hidden from members without Manage Server, and only where a server exists.
    builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild).setContexts(InteractionContextType.Guild);
  } else {
    builder.setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);
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
  const answer = (await rest.put(route, { body: slashCommandsJson(commands) })) as Array<{ name: string }>;
  return { scope: options.guildId ? 'guild' : 'global', applicationId, guildId: options.guildId, names: answer.map((c) => c.name) };
}
