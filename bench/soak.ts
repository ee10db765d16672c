// `npm run soak` (not part of `npm test`): 10,000 mixed commands through the Discord and Slack fakes
// while 10 % of Hub requests fail in assorted ways, and weekly digests ticked over simulated weeks.
// The bot runs in its own process (bench/soak-bot.ts), so its resident memory is measured alone.
// Prints crashes, unanswered commands, memory growth after warm-up, digests lost and duplicated,
// each beside its target; exits non-zero when one is missed. SOAK_COMMANDS changes the count.
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PERMISSIONS, startFakeDiscord, type RecordedRequest } from '../test/fakes/discord.js';
import { loadSnapshotModels, startFakeHub } from '../test/fakes/hub.js';
import { startFakeSlack, type SlackCall } from '../test/fakes/slack.js';

const TOTAL = Number(process.env.SOAK_COMMANDS ?? 10_000);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 48);
const WARM_UP = Math.ceil(TOTAL / 10);
const HUB_FAILURE_RATE = 0.1;
const WEEKS = 6;
const TICKS_PER_WEEK = 4;
const ANSWER_TIMEOUT_MS = 60_000;
const SIGNING_SECRET = 'soak-secret';

/** Repeatable randomness (mulberry32). */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(2026);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];

const started = performance.now();
const models = loadSnapshotModels();
const ids = models.slice(0, 400).map((m) => m.id);
const TAGS = ['', 'text-generation', 'fill-mask', 'text-classification', 'automatic-speech-recognition'];

/** A command as typed on Slack and as options on Discord. */
interface Typed {
  name: string;
  text: string;
  options: { name: string; value: string | number | boolean; type?: number }[];
}
const typed = (name: string, options: Typed['options'] = []): Typed => ({
  name,
  options,
  text: options.map((o) => (/^model\d?$/.test(o.name) || o.name === 'domain' || o.name === 'action' ? String(o.value) : `${o.name}:${o.value}`)).join(' '),
});

function nextCommand(): Typed {
  const tag = pick(TAGS);
  const withTag = tag ? [{ name: 'tag', value: tag }] : [];
  const roll = random();
  if (roll < 0.25) return typed('classify', [{ name: 'model', value: random() < 0.85 ? pick(ids) : `nobody/${Math.floor(random() * 1e6)}` }]);
  if (roll < 0.35) return typed('compare', [pick(ids), pick(ids), ...(random() < 0.5 ? [pick(ids)] : [])].map((value, i) => ({ name: `model${i + 1}`, value })));
  if (roll < 0.45) return typed('trend', [...withTag, { name: 'since', value: pick(['2023-01', '2024-06', '0000-01', '2015-01']) }]);
  if (roll < 0.52) return typed('lifespan', withTag);
  if (roll < 0.62) return typed('share', withTag);
  if (roll < 0.66) return typed('tags');
  if (roll < 0.7) return typed('benchmark', [{ name: 'domain', value: pick(['medical', 'code', 'nli', 'poetry']) }]);
  if (roll < 0.73) return typed('thresholds');
  if (roll < 0.8) return typed('help');
  if (roll < 0.84) return typed('about');
  if (roll < 0.88) return typed('subscriptions');
  if (roll < 0.92) return typed('digest', [{ name: 'action', value: 'preview' }, ...withTag]);
  // Hostile input: control sequences, pings, absurd numbers.
  return typed('classify', [{ name: 'model', value: pick(['\u001b]0;pwned\u0007', '@everyone', '<!channel>', 'x'.repeat(2_000), '../../etc/passwd', '1e308']) }]);
}

const hub = await startFakeHub({ models });
const discord = await startFakeDiscord();
const slack = await startFakeSlack();
hub.chaos(HUB_FAILURE_RATE, { random: seeded(7), delayMs: 1_500 });

const child = fork(join(import.meta.dirname, 'soak-bot.ts'), [], {
  execArgv: ['--expose-gc', '--import', 'tsx', ...(process.env.SOAK_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SOAK_PROFILE}`] : [])],
  env: {
    ...process.env,
    HF_ENDPOINT: hub.url,
    HUB_TIMEOUT_MS: '1000',
    CACHE_TTL_SECONDS: '20',
    SAMPLE_SIZE: '1000',
    CHART_MODE: 'quickchart',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'slm-soak-')),
    DISCORD_TOKEN: 'soak-token',
    DISCORD_API_URL: discord.apiUrl,
    SLACK_BOT_TOKEN: 'xoxb-soak',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    SLACK_APP_TOKEN: '',
    OFFLINE: '',
    LOG_LEVEL: 'silent',
  },
});

const crashes: string[] = [];
let childExited = false;
child.on('exit', (code) => {
  childExited = true;
  if (code !== 0) crashes.push(`bot process exited with ${code}`);
});
/** The next IPC message from the bot that has `key`. */
function fromBot<T>(key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = () => reject(new Error(`bot exited while waiting for ${key}`));
    const onMessage = (message: Record<string, unknown>) => {
      if (!(key in message)) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
child.on('message', (message: Record<string, unknown>) => {
  if ('crash' in message) crashes.push(String(message.crash));
});
const ask = <T>(message: unknown, key: string) => {
  const answer = fromBot<T>(key);
  child.send(message as object);
  return answer;
};

const { slackUrl } = await fromBot<{ slackUrl: string }>('ready');
await discord.waitForReady(30_000);

// Digests: three subscriptions in the Discord channel (all tasks and two tags), four Slack channels.
const SLACK_CHANNELS = ['C1', 'C2', 'C3', 'C4'];
const discordSubs: number[] = [];
for (const tag of [null, 'text-generation', 'fill-mask']) {
  discordSubs.push((await ask<{ subscribed: number }>({ subscribe: { platform: 'discord', channelId: discord.channelId, tag } }, 'subscribed')).subscribed);
}
for (const channelId of SLACK_CHANNELS) await ask({ subscribe: { platform: 'slack', channelId, tag: null } }, 'subscribed');

/** Monday 09:00 UTC of simulated week k (2026-01-05 is a Monday), then later that Monday. */
const tickTimes: string[] = [];
for (let week = 0; week < WEEKS; week++) {
  const monday = Date.UTC(2026, 0, 5 + 7 * week, 9);
  for (let i = 0; i < TICKS_PER_WEEK; i++) tickTimes.push(new Date(monday + i * 2 * 3_600_000).toISOString());
}
let ticks = Promise.resolve();
const tick = (iso: string) => (ticks = ticks.then(() => ask({ tick: iso }, 'ticked').then(() => undefined)));

// Slack digests are counted per channel as they arrive, since the fake's call log is cleared as we go.
const slackDigestPosts = new Map<string, number>();
let slackCallsSeen = 0;
function countSlackDigests(calls: SlackCall[]) {
  for (const call of calls.slice(slackCallsSeen)) {
    if (call.method === 'chat.postMessage') slackDigestPosts.set(String(call.args.channel), (slackDigestPosts.get(String(call.args.channel)) ?? 0) + 1);
  }
  slackCallsSeen = calls.length;
}

const isDiscordAnswer = (token: string) => (r: RecordedRequest) =>
  r.path.includes(token) &&
  ((r.method === 'PATCH' && r.path.endsWith('/messages/@original')) ||
    (r.method === 'POST' && /^\/api\/v10\/webhooks\/\d+\/[^/]+$/.test(r.path)) ||
    (r.method === 'POST' && r.path.endsWith('/callback') && [4, 8].includes((r.json as { type?: number })?.type ?? 0)));

let sentCommands = 0;
let answered = 0;
const unanswered: string[] = [];
let discordCount = 0;
let slackCount = 0;

async function runOne(n: number): Promise<void> {
  const command = nextCommand();
  const label = `#${n} /${command.name} ${command.text.slice(0, 60)}`;
  try {
    if (n % 2 === 0) {
      discordCount++;
      const autocomplete = command.name === 'classify' && random() < 0.1;
      const options = command.options.map((o) => ({ ...o, ...(autocomplete ? { focused: true } : {}) }));
      const sent = await discord.sendInteraction({ type: autocomplete ? 4 : 2, name: command.name, options, permissions: ADMIN_PERMISSIONS, locale: random() < 0.2 ? 'fr' : 'en-US' });
      await discord.waitForRequest(isDiscordAnswer(sent.token), ANSWER_TIMEOUT_MS);
    } else {
      slackCount++;
      const id = `soak-${n}`;
      const res = await slack.sendSlashCommand(slackUrl, { command: '/radar', text: `${command.name} ${command.text}`, channel_id: pick(SLACK_CHANNELS), response_url: slack.responseUrl(id) }, { signingSecret: SIGNING_SECRET });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      await slack.waitForCall((c) => c.method === 'response_url' && c.target === id, ANSWER_TIMEOUT_MS);
    }
    answered++;
  } catch (error) {
    unanswered.push(`${label}: ${(error as Error).message.slice(0, 300)}`);
    process.stderr.write(`soak: unanswered ${unanswered.at(-1)}\n`);
  }
}

let warmRss = 0;
const tickEvery = Math.max(1, Math.floor(TOTAL / tickTimes.length));
const BATCH = 500;
for (let batchStart = 0; batchStart < TOTAL && !childExited; batchStart += BATCH) {
  const end = Math.min(TOTAL, batchStart + BATCH);
  let next = batchStart;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < end) {
        const n = next++;
        sentCommands++;
        if (n % tickEvery === 0 && tickTimes[n / tickEvery]) void tick(tickTimes[n / tickEvery]);
        await runOne(n);
      }
    }),
  );
  // Keep the fakes' logs small: count what matters, then forget the rest.
  countSlackDigests(slack.calls);
  discord.requests.length = 0;
  slack.calls.length = 0;
  slackCallsSeen = 0;
  hub.requests.length = 0;
  if (end >= WARM_UP && warmRss === 0) warmRss = (await ask<{ rss: number }>({ memory: true }, 'rss')).rss;
  process.stderr.write(`soak: ${end}/${TOTAL} commands, ${unanswered.length} unanswered, ${crashes.length} crashes, ${Math.round((performance.now() - started) / 1000)} s\n`);
}

// Every simulated week's ticks have been sent; give the last week a few more, as the minute ticks would.
await ticks;
const lastMonday = Date.UTC(2026, 0, 5 + 7 * (WEEKS - 1), 9);
for (let i = 0; i < 10; i++) {
  await tick(new Date(lastMonday + (TICKS_PER_WEEK * 2 + i) * 3_600_000).toISOString());
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}
countSlackDigests(slack.calls);
const report = childExited
  ? []
  : (await ask<{ sends: { id: number; platform: string; channelId: string; sends: { isoWeek: string; status: string; error: string | null }[] }[] }>({ report: true }, 'sends')).sends;
const endRss = childExited ? 0 : (await ask<{ rss: number }>({ memory: true }, 'rss')).rss;
if (!childExited) await ask({ stop: true }, 'stopped');

// Digests: one post per subscription and simulated week.
let lost = 0;
let duplicated = 0;
const discordMessages = discord.createdMessages(discord.channelId);
for (const id of discordSubs) {
  for (let week = 0; week < WEEKS; week++) {
    const isoWeek = `2026-W${String(2 + week).padStart(2, '0')}`;
    const posts = discordMessages.filter((m) => m.nonce === `slm${id}w${isoWeek}`).length;
    if (posts === 0) lost++;
    duplicated += Math.max(0, posts - 1);
  }
}
for (const channel of SLACK_CHANNELS) {
  const posts = slackDigestPosts.get(channel) ?? 0;
  lost += Math.max(0, WEEKS - posts);
  duplicated += Math.max(0, posts - WEEKS);
}

await Promise.all([hub.close(), discord.close(), slack.close()]);
const growth = warmRss && endRss ? (endRss - warmRss) / warmRss : NaN;
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
const rows: [string, string, string, boolean][] = [
  ['crashes', String(crashes.length), '0', crashes.length === 0],
  ['unanswered commands', String(unanswered.length + (TOTAL - sentCommands)), '0', unanswered.length === 0 && sentCommands === TOTAL],
  ['memory growth after warm-up', `${(growth * 100).toFixed(1)} % (RSS ${mb(warmRss)} → ${mb(endRss)})`, '≤ 10 %', growth <= 0.1],
  ['digests lost', String(lost), '0', lost === 0],
  ['digests duplicated', String(duplicated), '0', duplicated === 0],
];
console.log(
  `\nSoak: ${TOTAL.toLocaleString('en-US')} commands (${discordCount.toLocaleString('en-US')} Discord, ${slackCount.toLocaleString('en-US')} Slack), ` +
    `${hub.chaosFailures().toLocaleString('en-US')} Hub requests failed on purpose (${HUB_FAILURE_RATE * 100} %, 9 ways), ` +
    `${(discordSubs.length + SLACK_CHANNELS.length) * WEEKS} digests over ${WEEKS} simulated weeks, ${Math.round((performance.now() - started) / 1000)} s\n`,
);
for (const [what, value, target, ok] of rows) console.log(`${what.padEnd(30)} ${value.padEnd(34)} target ${target.padEnd(8)} ${ok ? 'ok' : 'MISSED'}`);
for (const line of [...crashes, ...unanswered].slice(0, 10)) console.log(`  ${line}`);
if (lost || duplicated) {
  for (const sub of report) {
    const notSent = sub.sends.filter((s) => s.status !== 'sent');
    const weeks = sub.sends.map((s) => s.isoWeek);
    console.log(`  subscription ${sub.id} (${sub.platform} ${sub.channelId}): ${sub.sends.length} weeks recorded; not sent: ${JSON.stringify(notSent)}; recorded ${weeks.join(' ')}`);
  }
}
process.exit(rows.every(([, , , ok]) => ok) ? 0 : 1);
