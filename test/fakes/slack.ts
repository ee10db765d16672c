// A protocol-level Slack fake (Web API, response_url, file upload URL, Socket Mode) on 127.0.0.1 for driving
// the real Bolt App. Usage: clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }; see FAKES.md.
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, WebSocket } from 'ws';

export interface SlackCall {
  method: string; // Web API method ('chat.postMessage'), or 'response_url' / 'upload'
  args: Record<string, unknown>; // body as received: form values are strings (blocks stay a JSON string)
  parsed: Record<string, unknown>; // args with JSON-string values (blocks, attachments, files…) parsed
  headers: http.IncomingHttpHeaders;
  token?: string; // from `Authorization: Bearer …`
  target?: string; // response_url id, or the file_id of an upload
  file?: { filename: string; contentType: string; data: Buffer }; // 'upload' only
  status: number;
  response: unknown;
}
export interface SlackUser { id: string; name: string; real_name: string; is_admin: boolean; is_owner: boolean; is_bot: boolean; tz: string; [k: string]: unknown }
export interface SlackFault { error?: string; status?: number; retryAfter?: number; times?: number }
export interface FakeSlackOptions { teamId?: string; botUserId?: string; botId?: string; users?: Record<string, Partial<SlackUser>>; channels?: Record<string, Record<string, unknown>> }
export interface SlashCommandFields { command?: string; text?: string; channel_id?: string; user_id?: string; response_url?: string; [field: string]: string | undefined }
export interface SignOptions { signingSecret: string; timestamp?: number; badSignature?: boolean; /** Slack's redelivery count (X-Slack-Retry-Num), set on a retried event. */ retryNum?: number }
export interface SlackHttpResult { status: number; body: unknown; text: string; elapsedMs: number }
export interface FakeSlack {
  apiUrl: string; // ends with '/api/'
  teamId: string; botUserId: string; botId: string;
  users: Record<string, Partial<SlackUser>>; // users.info answers; unknown ids get a plain non-admin member
  channels: Record<string, Record<string, unknown>>; // extra fields for conversations.info
  calls: SlackCall[];
  responseUrl(id?: string): string;
  fail(method: string, fault: SlackFault): void; // next `times` calls of `method` (or 'response_url' / 'upload') fail
  waitForCall(match: string | ((c: SlackCall) => boolean), timeoutMs?: number): Promise<SlackCall>;
  sendSlashCommand(appUrl: string, fields: SlashCommandFields, sign: SignOptions): Promise<SlackHttpResult>;
  /** An Events API `event_callback` as Slack POSTs it (JSON, signed), or its body for a Socket Mode `events_api` envelope. */
  eventCallback(event: Record<string, unknown>): Record<string, unknown>;
  sendEvent(appUrl: string, event: Record<string, unknown>, sign: SignOptions): Promise<SlackHttpResult>;
  /** Posts an event_callback body as built by eventCallback, e.g. the same one again as Slack's redelivery. */
  sendEventBody(appUrl: string, body: Record<string, unknown>, sign: SignOptions): Promise<SlackHttpResult>;
  /** A message shortcut (`message_action`) payload as Slack sends it, for sendInteractive or an `interactive` envelope. */
  messageShortcut(fields: { callback_id: string; text: string; channel?: string; user?: string; response_url?: string; message?: Record<string, unknown> }): Record<string, unknown>;
  /** An interactivity payload (shortcut, block_actions) as Slack POSTs it: form field `payload` holding JSON, signed. */
  sendInteractive(appUrl: string, payload: Record<string, unknown>, sign: SignOptions): Promise<SlackHttpResult>;
  waitForSocket(timeoutMs?: number): Promise<void>;
  sendEnvelope(payload: unknown, type?: string, timeoutMs?: number): Promise<{ envelope_id: string; payload?: unknown }>;
  close(): Promise<void>;
}

export const slackSignature = (secret: string, ts: number, body: string) => `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;

const parseJsonValues = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).map(([k, v]) => {
  if (typeof v !== 'string' || !/^\s*[[{]/.test(v)) return [k, v];
  try { return [k, JSON.parse(v)]; } catch { return [k, v]; }
}));
const withTimeout = <T>(p: Promise<T>, ms: number, what: () => string) => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(what())), ms); })]).finally(() => clearTimeout(timer));
};
let seq = 0;
const ts = () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const teamId = options.teamId ?? 'T0FAKE';
  const botUserId = options.botUserId ?? 'U0BOT';
  const botId = options.botId ?? 'B0BOT';
  const calls: SlackCall[] = [];
  const waiters: Array<{ predicate: (c: SlackCall) => boolean; resolve: (c: SlackCall) => void }> = [];
  const faults = new Map<string, SlackFault & { times: number }>();
  const uploads = new Map<string, { filename: string; title?: string }>(); // file_id -> getUploadURLExternal args
  const sockets = new Set<WebSocket>();
  const socketWaiters: Array<() => void> = [];
  let base = '';

  function api(method: string, a: Record<string, unknown>): unknown {
    const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : undefined);
    switch (method) {
      case 'auth.test': return { ok: true, url: 'https://fake.slack.invalid/', team: 'Fake', user: 'slm-radar', team_id: teamId, user_id: botUserId, bot_id: botId, is_enterprise_install: false };
      case 'chat.postMessage': case 'chat.update': case 'chat.postEphemeral': {
        const t = str('ts') ?? ts();
        return { ok: true, channel: str('channel'), ts: t, message_ts: t, message: { type: 'message', text: str('text') ?? '', user: botUserId, bot_id: botId, ts: t } };
      }
      case 'users.info': {
        const id = str('user') ?? '';
        return { ok: true, user: { id, name: `user-${id}`, real_name: `User ${id}`, is_admin: false, is_owner: false, is_bot: false, tz: 'UTC', team_id: teamId, ...fake.users[id] } };
      }
      case 'conversations.info': {
        const id = str('channel') ?? '';
        return { ok: true, channel: { id, name: 'general', is_channel: true, is_private: false, is_im: false, is_member: true, ...fake.channels[id] } };
      }
      case 'files.getUploadURLExternal': {
        const fileId = `F${randomUUID().slice(0, 8).toUpperCase()}`;
        uploads.set(fileId, { filename: str('filename') ?? 'file' });
        return { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = (parseJsonValues(a).files ?? []) as Array<{ id: string; title?: string }>;
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title, name: uploads.get(f.id)?.filename, permalink: `https://fake.slack.invalid/files/${f.id}` })) };
      }
      case 'apps.connections.open': return { ok: true, url: `${base.replace('http', 'ws')}/link` };
      case 'chat.unfurl': return { ok: true };
      case 'views.publish': {
        const view = (parseJsonValues(a).view ?? {}) as Record<string, unknown>;
        return { ok: true, view: { id: `V${randomUUID().slice(0, 8).toUpperCase()}`, team_id: teamId, type: view.type, blocks: view.blocks ?? [] } };
      }
      default: return { ok: false, error: 'unknown_method' };
    }
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const type = req.headers['content-type'] ?? '';
    const call: SlackCall = { method: '', args: {}, parsed: {}, headers: req.headers, status: 200, response: undefined,
      token: req.headers.authorization?.replace(/^Bearer /, '') };
    if (type.startsWith('application/json')) call.args = JSON.parse(raw.toString('utf8') || '{}');
    else if (type.startsWith('application/x-www-form-urlencoded')) call.args = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    else if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://x/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
      for (const [name, value] of form) {
        if (typeof value === 'string') call.args[name] = value;
        else call.file = { filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) };
      }
    }
    call.parsed = parseJsonValues(call.args);
    let m: RegExpMatchArray | null;
    if ((m = pathname.match(/^\/api\/([\w.]+)$/))) call.method = m[1];
    else if ((m = pathname.match(/^\/(response|upload)\/([^/]+)$/))) {
      call.method = m[1] === 'response' ? 'response_url' : 'upload';
      call.target = m[2];
      if (call.file && call.method === 'upload') call.file.filename = uploads.get(m[2])?.filename ?? call.file.filename;
    } else call.method = `unknown:${req.method} ${pathname}`;

    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const fault = faults.get(call.method);
    if (fault && --fault.times <= 0) faults.delete(call.method);
    if (fault?.status === 429) {
      headers['retry-after'] = String(fault.retryAfter ?? 1);
      [call.status, call.response] = [429, { ok: false, error: 'ratelimited' }];
    } else if (fault) [call.status, call.response] = [fault.status ?? 200, { ok: false, error: fault.error ?? 'fatal_error' }];
    else if (call.method.startsWith('unknown:')) [call.status, call.response] = [404, { ok: false, error: 'not_found' }];
    else call.response = call.method === 'upload' || call.method === 'response_url' ? { ok: true } : api(call.method, call.args);
    calls.push(call);
    for (const w of [...waiters]) if (w.predicate(call)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(call); }
    res.writeHead(call.status, headers).end(JSON.stringify(call.response));
  });

  const wss = new WebSocketServer({ server, path: '/link' });
  wss.on('connection', (ws) => {
    sockets.add(ws);
    const pinger = setInterval(() => ws.ping(), 10_000); // Socket Mode reconnects after 30 s without a server ping
    ws.on('close', () => { sockets.delete(ws); clearInterval(pinger); });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack', approximate_connection_time: 18060 }, connection_info: { app_id: 'A0FAKE' } }));
    socketWaiters.splice(0).forEach((resolve) => resolve());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** POSTs a body to the app's /slack/events, signed as Slack signs it (v0 HMAC of `v0:ts:body`). */
  async function post(appUrl: string, body: string, contentType: string, { signingSecret, timestamp = Math.floor(Date.now() / 1000), badSignature, retryNum }: SignOptions): Promise<SlackHttpResult> {
    const signature = slackSignature(badSignature ? `${signingSecret}-wrong` : signingSecret, timestamp, body);
    const started = performance.now();
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(`${appUrl.replace(/\/$/, '')}/slack/events`, { method: 'POST', agent: false, headers: {
        'content-type': contentType, 'content-length': Buffer.byteLength(body),
        'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature,
        ...(retryNum ? { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}) } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c)).on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
      });
      req.on('error', reject).end(body);
    });
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* plain text or empty */ }
    return { status, body: parsed, text, elapsedMs: performance.now() - started };
  }

  const fake: FakeSlack = {
    apiUrl: `${base}/api/`, teamId, botUserId, botId, users: { ...options.users }, channels: { ...options.channels }, calls,
    responseUrl: (id = randomUUID()) => `${base}/response/${id}`,
    fail: (method, fault) => { faults.set(method, { ...fault, times: fault.times ?? 1 }); },
    waitForCall(match, ms = 2000) {
      const predicate = typeof match === 'string' ? (c: SlackCall) => c.method === match : match;
      const seen = calls.find(predicate);
      if (seen) return Promise.resolve(seen);
      const w = { predicate, resolve: (_: SlackCall) => {} };
      return withTimeout(new Promise<SlackCall>((resolve) => { w.resolve = resolve; waiters.push(w); }), ms,
        () => `fake slack: no matching call within ${ms} ms; got ${calls.map((c) => c.method).join(', ') || 'none'}`)
        .finally(() => { if (waiters.includes(w)) waiters.splice(waiters.indexOf(w), 1); });
    },
    async sendSlashCommand(appUrl, fields, sign) {
      const form: Record<string, string> = { token: 'legacy', team_id: teamId, team_domain: 'fake', channel_id: 'C0FAKE', channel_name: 'general',
        user_id: 'U0USER', user_name: 'tester', command: '/x', text: '', api_app_id: 'A0FAKE', is_enterprise_install: 'false',
        response_url: fake.responseUrl(), trigger_id: `trigger-${++seq}` };
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) form[k] = v;
      return post(appUrl, new URLSearchParams(form).toString(), 'application/x-www-form-urlencoded', sign);
    },
    eventCallback: (event) => ({
      token: 'legacy', team_id: teamId, context_team_id: teamId, api_app_id: 'A0FAKE', type: 'event_callback',
      event: { event_ts: ts(), ...event }, event_id: `Ev${randomUUID().slice(0, 10).toUpperCase()}`, event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: teamId, user_id: botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false, event_context: `4-${randomUUID()}`,
    }),
    sendEvent: (appUrl, event, sign) => post(appUrl, JSON.stringify(fake.eventCallback(event)), 'application/json', sign),
    sendEventBody: (appUrl, body, sign) => post(appUrl, JSON.stringify(body), 'application/json', sign),
    messageShortcut: ({ callback_id, text, channel = 'C0FAKE', user = 'U0USER', response_url = fake.responseUrl(), message = {} }) => {
      const messageTs = ts();
      return {
        type: 'message_action', token: 'legacy', action_ts: ts(), team: { id: teamId, domain: 'fake' }, user: { id: user, username: 'tester', team_id: teamId, name: 'tester' },
        channel: { id: channel, name: 'general' }, is_enterprise_install: false, enterprise: null, callback_id, trigger_id: `trigger-${++seq}`, response_url,
        message_ts: messageTs, message: { type: 'message', user: 'U0AUTHOR', ts: messageTs, text, ...message },
      };
    },
    sendInteractive: (appUrl, payload, sign) => post(appUrl, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', sign),
    waitForSocket: (ms = 5000) => (sockets.size ? Promise.resolve()
      : withTimeout(new Promise<void>((resolve) => socketWaiters.push(resolve)), ms, () => 'fake slack: no Socket Mode connection')),
    async sendEnvelope(payload, type = 'slash_commands', ms = 3000) {
      await fake.waitForSocket();
      const ws = [...sockets].at(-1)!;
      const envelope_id = randomUUID();
      let onMessage: (raw: unknown) => void = () => {};
      const acked = new Promise<{ envelope_id: string; payload?: unknown }>((resolve) => {
        onMessage = (raw) => { const msg = JSON.parse(String(raw)); if (msg.envelope_id === envelope_id) resolve(msg); };
        ws.on('message', onMessage);
      });
      ws.send(JSON.stringify({ envelope_id, type, accepts_response_payload: true, retry_attempt: 0, retry_reason: '', payload }));
      return withTimeout(acked, ms, () => `fake slack: envelope ${envelope_id} not acked within ${ms} ms`).finally(() => ws.off('message', onMessage));
    },
    async close() {
      // Close politely: app.stop() returns before its close handshake finishes, and a bare terminate() makes
      // the Socket Mode client log a 1006 "WebSocket error".
      await Promise.all([...sockets].map((ws) => new Promise<void>((resolve) => {
        const force = setTimeout(() => ws.terminate(), 500);
        ws.once('close', () => { clearTimeout(force); resolve(); });
        ws.close(1000);
      })));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
