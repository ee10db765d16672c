// `npm run register`: registers every command of commands/ as a Discord slash command, and the
// "Classify models in this message" message menu.
// DISCORD_GUILD_ID set → that guild only (instant, for development); otherwise globally
// (Discord may take up to an hour to show changes). Honours DISCORD_API_URL. Reads `.env` when
// there is one; variables already in the environment win.
import { existsSync } from 'node:fs';
import { COMMANDS } from '../commands/index.js';
import { inviteUrl, registerCommands } from '../src/adapters/discord-commands.js';
import { loadConfig } from '../src/config.js';

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (!config.DISCORD_TOKEN) {
    console.error(
      'DISCORD_TOKEN is not set. Copy the bot token from https://discord.com/developers/applications → your application → Bot → Reset Token,\n' +
        'then run: DISCORD_TOKEN=… DISCORD_APP_ID=… [DISCORD_GUILD_ID=…] npm run register',
    );
    return 2;
  }
  if (!config.DISCORD_APP_ID) console.error('DISCORD_APP_ID is not set: asking Discord for the application id of this token.');
  try {
    const result = await registerCommands(COMMANDS, {
      token: config.DISCORD_TOKEN,
      applicationId: config.DISCORD_APP_ID,
      guildId: config.DISCORD_GUILD_ID,
      apiUrl: config.DISCORD_API_URL,
    });
    const where = result.scope === 'guild' ? `guild ${result.guildId} (available now)` : 'every server (global; may take up to an hour to appear)';
    // Slash command names have no spaces; the message menu's name does.
    const shown = result.names.map((n) => (n.includes(' ') ? `"${n}" (message menu)` : `/${n}`));
    console.log(`Registered ${result.names.length} commands for ${where}: ${shown.join(' ')}`);
    if (!config.DISCORD_APP_ID) console.log(`Application id: ${result.applicationId} (set DISCORD_APP_ID to skip this look-up).`);
    console.log(`Add the bot to a server: ${inviteUrl(result.applicationId, 'guild')}`);
    console.log(`Add it to your own account (the read-only commands in any server and in DMs): ${inviteUrl(result.applicationId, 'user')}`);
    return 0;
  } catch (error) {
    const e = error as Error & { status?: number };
    const hint =
      e.status === 401
        ? ' The token was refused: check DISCORD_TOKEN.'
        : e.status === 403 || e.status === 404
          ? ' Check DISCORD_APP_ID and DISCORD_GUILD_ID, and that the bot was invited to that guild with the applications.commands scope.'
          : '';
    console.error(`Registration failed: ${e.message}.${hint}`);
    return 1;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
