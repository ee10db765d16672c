// A protocol-level Discord fake (REST v10 + gateway v10) on 127.0.0.1 for driving the real discord.js Client.
// Usage: new Client({ intents, rest: { api: fake.apiUrl, retries: 0 } }); see /work/shared/docs/FAKES.md.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, WebSocket } from 'ws';

export interface RecordedFile { name: string; filename: string; contentType: string; data: Buffer }
export interface RecordedRequest {
  method: string;
  path: string; // decoded, without query: /api/v10/webhooks/APP/TOKEN/messages/@original
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  json?: unknown; // body of a JSON request
  payload?: unknown; // parsed payload_json part of a multipart request
  files: RecordedFile[];
  status: number; // what the fake answered
}
/** Without `status` the request is served normally; with `delayMs` the answer comes that late (the work is done at once, as on Discord). */
export interface DiscordFault { method?: string; path: string | RegExp; status?: number; body?: unknown; times?: number; delayMs?: number }
export interface InteractionInit {
  type?: 2 | 4; // 2 = slash command, 4 = autocomplete
  name?: string;
  options?: Array<{ name: string; type?: number; value?: unknown; focused?: boolean; options?: unknown[] }>;
  userId?: string;
  username?: string;
  permissions?: string; // member permission bitfield
  guildId?: string | null; // null: a DM (top-level `user`, no member, no guild)
  channelId?: string;
  /** Who installed the app it is used through: a server (default) or the user's own account (`authorizing_integration_owners` {"1": user}). */
  install?: 'guild' | 'user';
  /** 0 server, 1 DM with the bot, 2 another DM or group DM (user installs only); default 0 with a guild, else 1. */
  context?: 0 | 1 | 2;
  /** A MESSAGE command (type 3) on this message: `data.target_id` and `data.resolved.messages` as Discord sends them. */
  target?: { content: string; embeds?: Array<Record<string, unknown>>; authorId?: string };
  locale?: string;
  overrides?: Record<string, unknown>; // merged last into the raw payload
}
export interface SentInteraction { id: string; token: string; payload: Record<string, unknown> }
export interface FakeDiscordOptions { rejectToken?: boolean; applicationId?: string; guildId?: string; channelId?: string; botUserId?: string }
export interface FakeDiscord {
  apiUrl: string;
  gatewayUrl: string;
  applicationId: string;
  guildId: string;
  channelId: string;
  rejectToken: boolean; // GET /gateway/bot answers 401 while set
  requests: RecordedRequest[];
  connected: Promise<void>; // first READY sent
  waitForReady(timeoutMs?: number): Promise<void>;
  sendInteraction(init?: InteractionInit): Promise<SentInteraction>;
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  fail(fault: DiscordFault): void;
  /** Messages really created in a channel: a post repeated with the same `nonce` and `enforce_nonce` creates none. */
  createdMessages(channelId: string): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Ready-made error answers for `fail({ path, ...DiscordErrors.unknownChannel })`. */
export const DiscordErrors = {
  unknownChannel: { status: 404, body: { message: 'Unknown Channel', code: 10003 } },
  missingAccess: { status: 403, body: { message: 'Missing Access', code: 50001 } },
  missingPermissions: { status: 403, body: { message: 'Missing Permissions', code: 50013 } },
  unknownInteraction: { status: 404, body: { message: 'Unknown interaction', code: 10062 } },
  serverError: { status: 500, body: { message: '500: Internal Server Error', code: 0 } },
} as const;
/** ViewChannel | SendMessages | EmbedLinks | AttachFiles | ReadMessageHistory | UseApplicationCommands. */
export const MEMBER_PERMISSIONS = String(1024 + 2048 + 16384 + 32768 + 65536 + 2147483648);
export const ADMIN_PERMISSIONS = String(8n | BigInt(MEMBER_PERMISSIONS));

let counter = 0;
const snowflake = () => String(((BigInt(Date.now()) - 1420070400000n) << 22n) + BigInt(++counter % 4096));

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = options.applicationId ?? '100000000000000001';
  const guildId = options.guildId ?? '200000000000000002';
  const channelId = options.channelId ?? '300000000000000003';
  const botUser = { id: options.botUserId ?? applicationId, username: 'slm-radar', discriminator: '0', global_name: null, avatar: null, bot: true };
  const requests: RecordedRequest[] = [];
  const waiters: Array<{ predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }> = [];
  const faults: Array<DiscordFault & { times: number }> = [];
  const originals = new Map<string, Record<string, unknown>>(); // interaction token -> @original message
  const byNonce = new Map<string, Record<string, unknown>>(); // `${channel}|${nonce}` -> message created with enforce_nonce
  const channelMessages = new Map<string, Array<Record<string, unknown>>>(); // channel id -> messages created
  const readyWaiters: Array<() => void> = [];
  let readySocket: WebSocket | undefined;
  let seq = 0;

  const message = (body: Record<string, unknown>, files: RecordedFile[], channel = channelId, id = snowflake()) => ({
    id, channel_id: channel, author: botUser, content: body.content ?? '', timestamp: new Date().toISOString(),
    edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], pinned: false, type: 0,
    flags: body.flags ?? 0, embeds: body.embeds ?? [], components: body.components ?? [],
    attachments: files.map((f) => ({ id: snowflake(), filename: f.filename, size: f.data.length, content_type: f.contentType,
      url: `https://cdn.invalid/${f.filename}`, proxy_url: `https://cdn.invalid/${f.filename}` })),
  });

  async function route(req: RecordedRequest, body: Record<string, unknown>): Promise<[number, unknown]> {
    const p = req.path.replace(/^\/api\/v\d+/, '');
    const m = (re: RegExp) => p.match(re);
    let g: RegExpMatchArray | null;
    if (req.method === 'GET' && p === '/gateway/bot') {
      if (fake.rejectToken) return [401, { message: '401: Unauthorized', code: 0 }];
      return [200, { url: fake.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 86400000, max_concurrency: 1 } }];
    }
    if (req.method === 'GET' && p === '/applications/@me') return [200, { id: applicationId, name: 'SLM Radar', flags: 0, bot: botUser }];
    if (req.method === 'POST' && (g = m(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      const data = (body.data ?? {}) as Record<string, unknown>;
      if (body.type === 4) originals.set(g[2], message(data, req.files));
      if (req.query.with_response !== 'true') return [204, undefined];
      return [200, { interaction: { id: g[1], type: 2, response_message_id: originals.get(g[2])?.id ?? null },
        resource: { type: body.type, message: originals.get(g[2]) } }];
    }
    if ((g = m(/^\/webhooks\/\d+\/([^/]+)\/messages\/([^/]+)$/))) {
      const [, token, which] = g;
      if (req.method === 'DELETE') return [204, undefined];
      const old = which === '@original' ? originals.get(token) : undefined;
      if (req.method === 'GET') return old ? [200, old] : [404, { message: 'Unknown Message', code: 10008 }];
      const msg = { ...message(body, req.files, channelId, (old?.id as string) ?? (which === '@original' ? snowflake() : which)), edited_timestamp: new Date().toISOString() };
      if (which === '@original') originals.set(token, msg);
      return [200, msg];
    }
    if (req.method === 'POST' && m(/^\/webhooks\/\d+\/[^/]+$/)) return [200, message(body, req.files)];
    if (req.method === 'POST' && (g = m(/^\/channels\/(\d+)\/messages$/))) {
      // enforce_nonce: Discord answers a repeated nonce (same author, a few minutes) with the message it already made.
      const key = body.enforce_nonce && body.nonce !== undefined ? `${g[1]}|${String(body.nonce)}` : undefined;
      const seen = key ? byNonce.get(key) : undefined;
      if (seen) return [200, seen];
      const created = { ...message(body, req.files, g[1]), nonce: body.nonce ?? null };
      if (key) byNonce.set(key, created);
      channelMessages.set(g[1], [...(channelMessages.get(g[1]) ?? []), created]);
      return [200, created];
    }
    if (req.method === 'PUT' && (g = m(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/)) && Array.isArray(req.json)) {
      return [200, req.json.map((c: Record<string, unknown>) => ({ id: snowflake(), application_id: g![1], guild_id: g![2], version: snowflake(), type: 1, ...c }))];
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rec: RecordedRequest = { method: req.method ?? 'GET', path: decodeURIComponent(url.pathname), query: Object.fromEntries(url.searchParams),
      headers: req.headers, files: [], status: 0 };
    const type = req.headers['content-type'] ?? '';
    let body: Record<string, unknown> = {};
    if (type.startsWith('application/json') && raw.length) body = (rec.json = JSON.parse(raw.toString('utf8'))) as Record<string, unknown>;
    if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://x/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
      for (const [name, value] of form) {
        if (typeof value === 'string') { if (name === 'payload_json') body = (rec.payload = JSON.parse(value)) as Record<string, unknown>; }
        else rec.files.push({ name, filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
      }
    }
    const fault = faults.find((f) => (!f.method || f.method === rec.method) && (typeof f.path === 'string' ? f.path === rec.path : f.path.test(rec.path)));
    if (fault && --fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
    const [status, out] = fault?.status ? [fault.status, fault.body ?? { message: 'fake fault', code: 0 }] : await route(rec, body);
    rec.status = status;
    requests.push(rec);
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (res.destroyed) return;
    for (const w of [...waiters]) if (w.predicate(rec)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(rec); }
    res.writeHead(status, out === undefined ? {} : { 'content-type': 'application/json' }).end(out === undefined ? undefined : JSON.stringify(out));
  });

  const wss = new WebSocketServer({ server });
  const send = (ws: WebSocket, op: number, d: unknown, t?: string) =>
    new Promise<void>((resolve, reject) => ws.send(JSON.stringify(t ? { op, t, s: ++seq, d } : { op, d }), (e) => (e ? reject(e) : resolve())));
  wss.on('connection', (ws) => {
    void send(ws, 10, { heartbeat_interval: 45000 });
    ws.on('message', async (raw) => {
      const { op } = JSON.parse(String(raw)) as { op: number };
      if (op === 1) await send(ws, 11, null);
      if (op !== 2) return; // IDENTIFY
      await send(ws, 0, { v: 10, user: botUser, guilds: [{ id: guildId, unavailable: true }], session_id: `session-${snowflake()}`,
        resume_gateway_url: fake.gatewayUrl, application: { id: applicationId, flags: 0 }, shard: [0, 1] }, 'READY');
      await send(ws, 0, { id: guildId, name: 'Fake Guild', icon: null, features: [], owner_id: '1', unavailable: false, large: false,
        member_count: 1, joined_at: new Date().toISOString(), emojis: [], stickers: [], members: [], threads: [], presences: [],
        voice_states: [], stage_instances: [], guild_scheduled_events: [],
        roles: [{ id: guildId, name: '@everyone', color: 0, hoist: false, position: 0, permissions: MEMBER_PERMISSIONS, managed: false, mentionable: false, flags: 0 }],
        channels: [{ id: channelId, type: 0, guild_id: guildId, name: 'general', position: 0, permission_overwrites: [], parent_id: null, nsfw: false }],
      }, 'GUILD_CREATE');
      readySocket = ws;
      readyWaiters.splice(0).forEach((resolve) => resolve());
    });
    ws.on('close', () => { if (readySocket === ws) readySocket = undefined; });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const timeout = <T>(p: Promise<T>, ms: number, what: () => string) => {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([p, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(what())), ms); })]).finally(() => clearTimeout(timer));
  };
  const nextReady = () => new Promise<void>((resolve) => readyWaiters.push(resolve));

  const fake: FakeDiscord = {
    apiUrl: `http://127.0.0.1:${port}/api`, gatewayUrl: `ws://127.0.0.1:${port}`, applicationId, guildId, channelId,
    rejectToken: options.rejectToken ?? false, requests, connected: nextReady(),
    waitForReady: (ms = 5000) => (readySocket ? Promise.resolve() : timeout(nextReady(), ms, () => 'fake discord: no client reached READY')),
    async sendInteraction(init = {}) {
      await fake.waitForReady();
      const id = snowflake();
      const token = `itoken-${id}`;
      const user = { id: init.userId ?? '400000000000000004', username: init.username ?? 'tester', discriminator: '0', global_name: null, avatar: null };
      const permissions = init.permissions ?? MEMBER_PERMISSIONS;
      const gid = init.guildId === undefined ? guildId : init.guildId;
      const cid = init.channelId ?? channelId;
      const context = init.context ?? (gid ? 0 : 1);
      // A guild install answers for the server, or "0" in the bot's DM; a user install for the user.
      const owners = init.install === 'user' ? { '1': user.id } : { '0': gid ?? '0' };
      let data: Record<string, unknown> = { id: `cmd-${init.name ?? 'radar'}`, name: init.name ?? 'radar', type: 1, options: (init.options ?? []).map((o) => ({ type: 3, ...o })) };
      if (init.target) {
        const messageId = snowflake();
        const author = { id: init.target.authorId ?? '500000000000000005', username: 'someone', discriminator: '0', global_name: null, avatar: null };
        const target = { id: messageId, channel_id: cid, author, content: init.target.content, timestamp: new Date().toISOString(), edited_timestamp: null,
          tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: init.target.embeds ?? [], pinned: false, type: 0, flags: 0, components: [] };
        data = { id: `cmd-${init.name ?? 'menu'}`, name: init.name ?? 'Classify models in this message', type: 3, target_id: messageId, resolved: { messages: { [messageId]: target } } };
      }
      const other = { id: '600000000000000006', username: 'friend', discriminator: '0', global_name: null, avatar: null };
      const payload: Record<string, unknown> = {
        id, application_id: applicationId, token, type: init.type ?? 2, version: 1, locale: init.locale ?? 'en-US', data,
        channel_id: cid, app_permissions: ADMIN_PERMISSIONS, entitlements: [], authorizing_integration_owners: owners, context,
        ...(gid
          ? { guild_id: gid, guild_locale: 'en-US', channel: { id: cid, type: 0, guild_id: gid, name: 'general', permission_overwrites: [] },
              member: { user, roles: [], joined_at: new Date().toISOString(), permissions, deaf: false, mute: false, flags: 0, nick: null, avatar: null, pending: false } }
          // No member outside servers: the user is at the top level; a DM between users lists both, not the bot.
          : { user, channel: { id: cid, type: 1, recipients: context === 2 ? [user, other] : [user] } }),
        ...init.overrides,
      };
      await send(readySocket!, 0, payload, 'INTERACTION_CREATE');
      return { id, token, payload };
    },
    waitForRequest(predicate, ms = 2000) {
      const seen = requests.find(predicate);
      if (seen) return Promise.resolve(seen);
      const w = { predicate, resolve: (_: RecordedRequest) => {} };
      const p = new Promise<RecordedRequest>((resolve) => { w.resolve = resolve; waiters.push(w); });
      return timeout(p, ms, () => `fake discord: no matching request within ${ms} ms; got ${requests.map((r) => `${r.method} ${r.path}`).join(', ') || 'none'}`)
        .finally(() => { if (waiters.includes(w)) waiters.splice(waiters.indexOf(w), 1); });
    },
    fail: (fault) => { faults.push({ ...fault, times: fault.times ?? 1 }); },
    createdMessages: (channel) => channelMessages.get(channel) ?? [],
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
