// Slash command JSON from COMMANDS, and `npm run register` against the fake Discord.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ApplicationCommandOptionType, PermissionFlagsBits, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../commands/index.js';
import type { Command } from '../src/command.js';
import { applicationCommandsJson, BOT_PERMISSIONS, inviteUrl, messageMenuJson, registerCommands, slashCommandsJson } from '../src/adapters/discord-commands.js';
import { startFakeDiscord, type FakeDiscord } from './fakes/discord.js';

const NAME = /^[\w-]{1,32}$/;
const run = promisify(execFile);

describe('slashCommandsJson', () => {
  const json = slashCommandsJson(COMMANDS);

  it('has one valid chat-input command per command, localized in English and French', () => {
    expect(json.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const [i, c] of json.entries()) {
      const command = COMMANDS[i];
      expect(c.name).toMatch(NAME);
      expect(c.name).toBe(c.name.toLowerCase());
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(Object.keys(c.name_localizations ?? {}).sort()).toEqual(['en-GB', 'en-US', 'fr']);
      expect(c.description_localizations).toMatchObject({ 'en-US': c.description, 'en-GB': c.description });
      expect(command.description.fr.startsWith(c.description_localizations!.fr!.replace(/…$/, ''))).toBe(true);
      for (const text of Object.values(c.description_localizations ?? {})) expect(text!.length).toBeLessThanOrEqual(100);
      expect(c.contexts).toContain(0); // usable in servers
      // Settings commands only where the bot is installed in a server; the others on users' accounts too.
      expect(c.integration_types).toEqual(command.adminOnly ? [0] : [0, 1]);
      // Read-only commands in servers, DMs with the bot and other DMs; a server's digests only in servers.
      expect(c.contexts).toEqual(command.adminOnly || command.needsChannel ? [0] : [0, 1, 2]);
    }
  });

  it('adds a message menu "Classify models in this message" for both installs, everywhere, localized', () => {
    const menu = messageMenuJson();
    expect(menu).toMatchObject({ type: 3, name: 'Classify models in this message', integration_types: [0, 1], contexts: [0, 1, 2] });
    expect(menu.name_localizations).toMatchObject({ fr: 'Classer les modèles du message', 'en-US': menu.name });
    for (const name of Object.values(menu.name_localizations ?? {})) expect(name!.length).toBeLessThanOrEqual(32);
    expect(applicationCommandsJson(COMMANDS)).toEqual([...json, menu]);
  });

  it('takes the sample as text: census, top or a number of top models', () => {
    const sample = json.find((c) => c.name === 'trend')!.options!.find((o) => o.name === 'sample');
    expect(sample).toMatchObject({ type: 3 });
    expect(sample!.description).toContain('census');
  });

  it('types the options, puts required ones first, and flags autocomplete and choices', () => {
    const types = { string: ApplicationCommandOptionType.String, integer: ApplicationCommandOptionType.Integer, number: ApplicationCommandOptionType.Number, boolean: ApplicationCommandOptionType.Boolean };
    for (const [i, c] of json.entries()) {
      const options = c.options ?? [];
      expect(options).toHaveLength(COMMANDS[i].options.length);
      const required = options.map((o) => o.required === true);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      for (const declared of COMMANDS[i].options) {
        const o = options.find((x) => x.name === declared.name)!;
        expect(o.name).toMatch(NAME);
        expect(o.type).toBe(types[declared.type]);
        expect(o.description.length).toBeLessThanOrEqual(100);
        expect(o.description_localizations?.fr).toBeTruthy();
        if (declared.choices) expect((o as { choices?: { value: string }[] }).choices?.map((ch) => ch.value)).toEqual(declared.choices);
        expect((o as { autocomplete?: boolean }).autocomplete === true).toBe(declared.autocomplete !== undefined && !declared.choices);
        expect(o).toMatchObject({ ...(declared.min !== undefined ? { min_value: declared.min } : {}), ...(declared.max !== undefined ? { max_value: declared.max } : {}) });
      }
    }
    const classify = json.find((c) => c.name === 'classify')!;
    expect(classify.options?.[0]).toMatchObject({ name: 'model', type: ApplicationCommandOptionType.String, required: true, autocomplete: true });
    // One option per compared model, each autocompleted; the first two required.
    const compare = json.find((c) => c.name === 'compare')!;
    expect(compare.options?.slice(0, 5).map((o) => [o.name, o.required === true, (o as { autocomplete?: boolean }).autocomplete])).toEqual([
      ['model1', true, true],
      ['model2', true, true],
      ['model3', false, true],
      ['model4', false, true],
      ['model5', false, true],
    ]);
    expect(compare.options?.[2].description_localizations?.fr).toBe('Modèle 3 : owner/nom (tapez pour chercher sur le Hub)');
    const timezone = json.find((c) => c.name === 'subscribe')!.options!.find((o) => o.name === 'timezone');
    expect(timezone).toMatchObject({ type: ApplicationCommandOptionType.String, autocomplete: true });
  });

  it('hides settings commands behind Manage Server, cuts long descriptions, and orders required options first', () => {
    const settings: Command = {
      name: 'digest',
      description: { en: `Subscribe this channel to the weekly digest of new small models on the Hub, ${'very '.repeat(20)}long`, fr: 'Abonner ce salon au résumé hebdomadaire' },
      usage: '/digest <channel> [day]',
      adminOnly: true,
      options: [
        { name: 'day', type: 'string', choices: ['monday', 'friday'], autocomplete: 'tag', description: { en: 'Day', fr: 'Jour' } },
        { name: 'enabled', type: 'boolean', required: true, description: { en: 'On or off', fr: 'Actif ou non' } },
      ],
      schema: z.object({}),
      run: async () => ({ title: '', summary: '', fields: [], notes: [], links: [], data: null }),
    };
    const [c] = slashCommandsJson([settings]) as RESTPostAPIChatInputApplicationCommandsJSONBody[];
    expect(c.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(c.contexts).toEqual([0]);
    expect(c.description.length).toBeLessThanOrEqual(100);
    expect(c.description.endsWith('…')).toBe(true);
    expect(c.options?.map((o) => [o.name, o.required])).toEqual([['enabled', true], ['day', false]]);
    expect(c.options?.[1]).toMatchObject({ choices: [{ name: 'monday', value: 'monday' }, { name: 'friday', value: 'friday' }], autocomplete: false });
    // Everyone else's commands carry no permission gate and work in DMs with the bot too.
    const gated = new Set(COMMANDS.filter((x) => x.adminOnly).map((x) => x.name));
    expect(json.filter((x) => gated.has(x.name)).every((x) => x.default_member_permissions === PermissionFlagsBits.ManageGuild.toString())).toBe(true);
    expect(json.filter((x) => !gated.has(x.name)).every((x) => x.default_member_permissions === undefined)).toBe(true);
  });

  it('invites to a server with scopes bot + applications.commands and Send Messages, Embed Links, Attach Files (51200), or to a user account', () => {
    expect(BOT_PERMISSIONS).toBe(2048n + 16384n + 32768n);
    expect(BOT_PERMISSIONS.toString()).toBe('51200');
    expect(inviteUrl('123')).toBe('https://discord.com/oauth2/authorize?client_id=123&scope=bot+applications.commands&permissions=51200&integration_type=0');
    expect(inviteUrl('123', 'user')).toBe('https://discord.com/oauth2/authorize?client_id=123&scope=applications.commands&integration_type=1');
  });
});

describe('registration against the fake Discord', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('PUTs every command to the guild route when a guild is given, else to the global route', async () => {
    const guild = await registerCommands(COMMANDS, { token: 'fake-token', applicationId: fake.applicationId, guildId: fake.guildId, apiUrl: fake.apiUrl });
    expect(guild).toMatchObject({ scope: 'guild', names: [...COMMANDS.map((c) => c.name), 'Classify models in this message'] });
    const put = fake.requests.at(-1)!;
    expect(put).toMatchObject({ method: 'PUT', path: `/api/v10/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`, status: 200 });
    expect(put.headers.authorization).toBe('Bot fake-token');
    expect(put.json).toEqual(applicationCommandsJson(COMMANDS));

    // Without an application id it asks Discord which application the token belongs to.
    const global = await registerCommands(COMMANDS, { token: 'fake-token', apiUrl: fake.apiUrl });
    expect(global).toMatchObject({ scope: 'global', applicationId: fake.applicationId });
    expect(fake.requests.at(-2)).toMatchObject({ method: 'GET', path: '/api/v10/applications/@me' });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'PUT', path: `/api/v10/applications/${fake.applicationId}/commands` });
  });

  it('npm run register: the script PUTs to the guild, and explains a missing token', async () => {
    const env = { ...process.env, DISCORD_TOKEN: 'fake-token', DISCORD_APP_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, DISCORD_API_URL: fake.apiUrl };
    const script = [process.execPath, ['--import', 'tsx', 'scripts/register-commands.ts']] as const;
    const before = fake.requests.length;
    const [ok, missing] = await Promise.all([
      run(...script, { env }),
      run(...script, { env: { ...env, DISCORD_TOKEN: '' } }).catch((e: { code: number; stderr: string }) => e),
    ]);
    expect(ok.stdout).toContain(`Registered ${COMMANDS.length + 1} commands for guild ${fake.guildId}`);
    expect(ok.stdout).toContain('"Classify models in this message" (message menu)');
    expect(ok.stdout).toContain('permissions=51200&integration_type=0');
    expect(ok.stdout).toContain('scope=applications.commands&integration_type=1');
    expect(fake.requests.slice(before)).toEqual([expect.objectContaining({ method: 'PUT', path: `/api/v10/applications/${fake.applicationId}/guilds/${fake.guildId}/commands` })]);

    expect(missing).toMatchObject({ code: 2 });
    expect((missing as { stderr: string }).stderr).toContain('DISCORD_TOKEN is not set');
  });
});
