// slack/manifest.yml: one slash command (/radar), the events, unfurl domains, message shortcut and App
// Home the adapter answers, and the scopes they need.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../commands/index.js';
import { SLACK_BOT_EVENTS, slackManifest, SLACK_SCOPES, UNFURL_DOMAINS } from '../src/adapters/slack-manifest.js';

const file = readFileSync(new URL('../slack/manifest.yml', import.meta.url), 'utf8');
const manifest = parse(file);

describe('slack/manifest.yml', () => {
  it('is what src/adapters/slack-manifest.ts generates (regenerate: npx tsx src/adapters/slack-manifest.ts > slack/manifest.yml)', () => {
    expect(file).toBe(slackManifest(COMMANDS));
  });

  it('registers /radar as the only slash command, its hint naming every command', () => {
    expect(manifest.features.slash_commands).toEqual([
      {
        command: '/radar',
        description: 'SLM or LLM? /radar classify owner/model, /radar compare, /radar help…',
        usage_hint: COMMANDS.map((c) => c.name).join(' | '),
        should_escape: false,
      },
    ]);
  });

  it('subscribes to mentions, shared links and the App Home, unfurls Hugging Face links, and has the message shortcut', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened', 'app_mention', 'link_shared']);
    expect(SLACK_BOT_EVENTS).toEqual(manifest.settings.event_subscriptions.bot_events);
    expect(manifest.features.unfurl_domains).toEqual(['huggingface.co', 'hf.co']);
    expect(UNFURL_DOMAINS).toEqual(manifest.features.unfurl_domains);
    expect(manifest.features.shortcuts).toEqual([
      { name: 'Classify models in this message', type: 'message', callback_id: 'classify_message', description: 'SLM or LLM: the models this message names, for you only' },
    ]);
    expect(manifest.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: false, messages_tab_read_only_enabled: false });
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true });
  });

  it('asks for the scopes the adapter uses and turns Socket Mode on', () => {
    expect(SLACK_SCOPES).toEqual(['commands', 'chat:write', 'chat:write.public', 'files:write', 'users:read', 'app_mentions:read', 'links:read', 'links:write']);
    expect(manifest.oauth_config.scopes.bot).toEqual([...SLACK_SCOPES]);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('has an HTTP-mode variant with the Request URL on the command, the events and interactivity, and Socket Mode off', () => {
    const url = 'https://radar.example.com/slack/events';
    const http = parse(slackManifest(COMMANDS, { requestUrl: url }));
    expect(http.features.slash_commands[0].url).toBe(url);
    expect(http.settings.event_subscriptions.request_url).toBe(url);
    expect(http.settings.interactivity).toEqual({ is_enabled: true, request_url: url });
    expect(http.settings.socket_mode_enabled).toBe(false);
  });
});
