// Not found vs not known: "not on the Hub" only when the live Hub said so; offline or with the Hub
// down, "not in the bundled snapshot" (the model may well exist). Suggestions come from the source
// that will answer them, so a suggestion never leads to "not found". /compare's separators.
import { afterEach, describe, expect, it } from 'vitest';
import type { Bot } from '../src/bot.js';
import { createBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import type { Reply } from '../src/reply.js';
import { loadSnapshotModels, startFakeHub, type FakeHub } from './fakes/hub.js';
import { offlineConsoleBot, tempDir } from './helpers/bot.js';
import { deadEndpoint } from './helpers/hub.js';

const bots: Bot[] = [];
const hubs: FakeHub[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) {
    bot.close();
    await bot.hub.whenIdle();
  }
  for (const hub of hubs.splice(0)) await hub.close();
});

function liveBot(endpoint: string): Bot {
  const bot = createBot(loadConfig({ HF_ENDPOINT: endpoint, DATA_DIR: tempDir(), HUB_TIMEOUT_MS: '1000' }));
  bots.push(bot);
  return bot;
}

const suggestionsOf = (reply: Reply) => (reply.data as { suggestions: string[] }).suggestions;

/** Every suggestion, typed as the reply says, finds its model. */
async function expectEverySuggestionAnswers(ask: (line: string) => Promise<Reply>, reply: Reply): Promise<void> {
  const suggestions = suggestionsOf(reply);
  expect(suggestions.length).toBeGreaterThan(0);
  for (const id of suggestions) expect((await ask(`/classify ${id}`)).error, id).toBeUndefined();
}

describe('offline (the bundled snapshot)', () => {
  it('says "not in the bundled snapshot of 2025-03-22", never "not on the Hub", and suggests what the snapshot holds', async () => {
    const bot = offlineConsoleBot();
    const ask = async (line: string) => (await bot.ask(line)).reply;
    for (const id of ['Qwen/Qwen3-0.6B', 'google-bert/bert-base-uncased']) {
      const reply = await ask(`/classify ${id}`);
      expect(reply.error?.code).toBe('not_found');
      expect(reply.summary).toContain(`"${id}" is not in the bundled snapshot of 2025-03-22 (offline: the Hub was not asked); it may well exist on the Hub.`);
      expect(reply.summary).not.toMatch(/No model .* on the Hub/);
      expect(reply.source).toEqual({ kind: 'snapshot', collectedAt: '2025-03-22T10:04:49.000Z' });
      await expectEverySuggestionAnswers(ask, reply);
    }
    const french = offlineConsoleBot({}, { locale: 'fr' });
    expect((await french.ask('/classify Qwen/Qwen3-0.6B')).reply.summary).toMatch(/^"Qwen\/Qwen3-0\.6B" n’est pas dans l’instantané fourni du 2025-03-22 \(hors ligne : le Hub n’a pas été consulté\)/);
  });
});

describe('the message menu (several models, none known)', () => {
  it('offline: "not in the bundled snapshot", never "not on the Hub"', async () => {
    const reply = await offlineConsoleBot().bot.classifyMessage(['Qwen/Qwen3-0.6B', 'Qwen/Qwen3-1.7B']);
    expect(reply.error?.code).toBe('not_found');
    expect(reply.summary).toBe('None of the models this message names is in the bundled snapshot of 2025-03-22 (offline: the Hub was not asked): Qwen/Qwen3-0.6B, Qwen/Qwen3-1.7B; they may well exist on the Hub.');
  });

  it('the Hub unreachable: says it could not check them', async () => {
    const bot = liveBot(await deadEndpoint());
    const reply = await bot.classifyMessage(['Qwen/Qwen3-0.6B', 'Qwen/Qwen3-1.7B']);
    expect(reply.error?.code).toBe('hub_unavailable');
    expect(reply.summary).toBe('The Hub could not be reached to check the models this message names (Qwen/Qwen3-0.6B, Qwen/Qwen3-1.7B); they may well exist. Try again in a few minutes.');
  });
});

describe('the Hub unreachable', () => {
  it('says "not in the bundled snapshot of 2025-03-22 (the Hub could not be reached)", with suggestions the fallback answers', async () => {
    const bot = liveBot(await deadEndpoint());
    const ask = (line: string) => bot.invokeText(line);
    const reply = await ask('/classify Qwen/Qwen3-0.6B');
    expect(reply.error?.code).toBe('hub_unavailable');
    expect(reply.summary).toMatch(/^"Qwen\/Qwen3-0\.6B" is not in the bundled snapshot of 2025-03-22 \(the Hub could not be reached\) nor in the data saved from it; it may well exist on the Hub\. Did you mean: Qwen\//);
    expect(reply.summary).toContain('Try again in a few minutes: `/classify Qwen/Qwen3-0.6B`');
    expect(reply.summary).not.toMatch(/No model .* on the Hub/);
    // While the Hub stays down, the snapshot answers each suggestion.
    await expectEverySuggestionAnswers(ask, reply);
  });
});

describe('the live Hub', () => {
  /** A Hub that holds some of the snapshot's Mistral and Qwen repos, not all: the rest were deleted. */
  async function partialHub(): Promise<FakeHub> {
    const kept = new Set(['mistralai/Mistral-7B-Instruct-v0.2', 'mistralai/Mistral-7B-v0.3', 'Qwen/Qwen2.5-0.5B', 'Qwen/Qwen2.5-3B', 'openai-community/gpt2']);
    const hub = await startFakeHub({ models: loadSnapshotModels().filter((m) => kept.has(m.id)) });
    hubs.push(hub);
    return hub;
  }

  it('suggests only ids the Hub’s own search finds, so each one is then found', async () => {
    const fake = await partialHub();
    const bot = liveBot(fake.url);
    const ask = (line: string) => bot.invokeText(line);
    const reply = await ask('/classify mistralai/Mistral-7B');
    expect(reply.error?.code).toBe('not_found');
    expect(reply.summary).toMatch(/^No model "mistralai\/Mistral-7B" on the Hub\. Did you mean: /);
    // The snapshot's mistralai/Mistral-7B-v0.1 (the closest, and what used to come first) is not on this Hub.
    expect(suggestionsOf(reply)).toEqual(['mistralai/Mistral-7B-v0.3', 'mistralai/Mistral-7B-Instruct-v0.2']);
    expect(reply.source?.kind).toBe('live');
    await expectEverySuggestionAnswers(ask, reply);
  });

  it('also searches the name and its first word when the typed id finds too few', async () => {
    const fake = await partialHub();
    const bot = liveBot(fake.url);
    const reply = await bot.invokeText('/classify qwen/qwen9-0.5b');
    expect(suggestionsOf(reply)).toEqual(['Qwen/Qwen2.5-0.5B', 'Qwen/Qwen2.5-3B']);
    // Side by side, so a not-found reply waits for one round of searches.
    expect(fake.listRequests().map((r) => r.query.get('search')).sort()).toEqual(['qwen', 'qwen/qwen9-0.5b', 'qwen9-0.5b']);
  });
});

describe('/compare separators', () => {
  it.each(['vs', 'and', 'et', ',', '&', 'versus', 'VS'])('"%s" between two ids is a separator, never a model to look up', async (separator) => {
    const fake = await (async () => {
      const hub = await startFakeHub({ models: loadSnapshotModels().filter((m) => ['Qwen/Qwen2.5-0.5B', 'openai-community/gpt2'].includes(m.id)) });
      hubs.push(hub);
      return hub;
    })();
    const bot = liveBot(fake.url);
    const reply = await bot.invokeText(`/compare Qwen/Qwen2.5-0.5B ${separator} openai-community/gpt2`);
    expect(reply.error).toBeUndefined();
    expect((reply.data as { models: { id: string }[] }).models.map((m) => m.id)).toEqual(['Qwen/Qwen2.5-0.5B', 'openai-community/gpt2']);
    expect(fake.modelRequests().map((r) => r.path)).toEqual(['/api/models/Qwen/Qwen2.5-0.5B/revision/HEAD', '/api/models/openai-community/gpt2/revision/HEAD']);
    expect(fake.listRequests()).toEqual([]);
  });

  it('works offline too, and "a, b & c" is three models', async () => {
    const bot = offlineConsoleBot();
    const answer = await bot.ask('/compare Qwen/Qwen2.5-0.5B, gpt2 & mistralai/Mistral-7B-v0.1');
    expect((answer.reply.data as { models: unknown[] }).models).toHaveLength(3);
  });
});
