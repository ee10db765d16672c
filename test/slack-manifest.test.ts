// slack/manifest.yml lists exactly the commands of COMMANDS, with their descriptions and usage hints.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../commands/index.js';
import { slackManifest, SLACK_SCOPES } from '../src/adapters/slack-manifest.js';

const file = readFileSync(new URL('../slack/manifest.yml', import.meta.url), 'utf8');

describe('slack/manifest.yml', () => {
  it('is what src/adapters/slack-manifest.ts generates (regenerate: npx tsx src/adapters/slack-manifest.ts > slack/manifest.yml)', () => {
    expect(file).toBe(slackManifest(COMMANDS));
  });

  it('lists exactly the slash commands of COMMANDS, each with its description and usage hint', () => {
    const listed = [...file.matchAll(/^ {4}- command: "\/([a-z0-9_-]+)"$/gm)].map((m) => m[1]);
    expect(listed).toEqual(COMMANDS.map((c) => c.name));
    for (const command of COMMANDS) {
      const entry = file.split('    - command: ').find((e) => e.startsWith(`"/${command.name}"`))!;
      expect(entry).toContain(`description: ${JSON.stringify(command.description.en)}`);
      const hint = command.usage.replace(`/${command.name}`, '').trim();
      if (hint) expect(entry).toContain(`usage_hint: ${JSON.stringify(hint)}`);
      expect(command.description.en.length).toBeLessThanOrEqual(100);
    }
  });

  it('asks for the scopes the adapter uses and turns Socket Mode on', () => {
    expect(SLACK_SCOPES).toEqual(['commands', 'chat:write', 'chat:write.public', 'files:write', 'users:read']);
    for (const scope of SLACK_SCOPES) expect(file).toContain(`      - "${scope}"\n`);
    expect(file).toMatch(/^ {2}socket_mode_enabled: true$/m);
  });

  it('has an HTTP-mode variant with the Request URL on every command and Socket Mode off', () => {
    const http = slackManifest(COMMANDS, { requestUrl: 'https://radar.example.com/slack/events' });
    expect(http.match(/ {6}url: "https:\/\/radar\.example\.com\/slack\/events"/g)).toHaveLength(COMMANDS.length);
    expect(http).toMatch(/^ {2}socket_mode_enabled: false$/m);
  });
});
