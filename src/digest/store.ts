// What the bot must remember across restarts: digest subscriptions, which weekly digests were
// sent, and the weekly history the Hub API cannot give. SQLite (better-sqlite3) in WAL mode, so a
// crash or kill -9 leaves the last committed state; every change is one transaction.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Verdict } from '../core/types.js';
import { toLocale, type Locale } from '../i18n.js';

export type Platform = 'discord' | 'slack';

export interface Subscription {
  id: number;
  platform: Platform;
  /** Discord guild id or Slack team id: where "manage" rights are checked and listings are grouped. */
  placeId: string;
  channelId: string;
  /** Pipeline task, or null for all tasks. */
  tag: string | null;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** `HH:MM`, in `timeZone`. */
  time: string;
  timeZone: string;
  locale: Locale;
  createdBy: string;
  createdAt: string;
  /** Set after 3 weeks in a row without a successful post. */
  pausedAt: string | null;
  failedWeeks: number;
  lastError: string | null;
}

export type NewSubscription = Pick<Subscription, 'platform' | 'placeId' | 'channelId' | 'tag' | 'weekday' | 'time' | 'timeZone' | 'locale' | 'createdBy'>;

/**
 * A week's digest for one subscription: claimed while it is being built ('building': nothing sent
 * yet, safe to retry if the claiming process dies), then 'sending' while the platform is asked to
 * post it (its outcome may be unknown if the process dies), then 'sent' or 'failed'.
 */
export type SendStatus = 'building' | 'sending' | 'sent' | 'failed';

/** A week's record for one subscription, as /subscriptions shows it. */
export interface SendRecord {
  isoWeek: string;
  status: SendStatus;
  updatedAt: string;
  error: string | null;
}

/** A claim older than this whose owner cannot be checked (another host) is taken as abandoned. */
export const CLAIM_LEASE_MS = 15 * 60_000;

/** This process, as it signs its claims: host, pid, and a random part so a reused pid is another owner. */
export function processOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Whether the process that signed `owner` may still be running (checked for sure only on this host). */
function ownerMayBeAlive(owner: string | null): boolean {
  if (!owner) return false;
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !/^\d+$/.test(pid ?? '')) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, but not ours to signal
  }
}

/** A claim whose process is gone, or silent for longer than the lease: another process may take it over. */
function claimAbandoned(owner: string | null, updatedAt: string, now: Date): boolean {
  return !ownerMayBeAlive(owner) || now.getTime() - new Date(updatedAt).getTime() > CLAIM_LEASE_MS;
}

export interface WeeklyCounts {
  isoWeek: string;
  /** Pipeline task, or null for all tasks. */
  tag: string | null;
  counts: Record<Verdict, number>;
  /** False when the Hub listing was cut short, so the counts cover only the week's newest models. */
  complete: boolean;
}

export interface WeeklyDownloads {
  isoWeek: string;
  modelId: string;
  downloads: number;
  verdict: Verdict;
  createdAt: string | null;
}

/** Each entry upgrades the schema by one version (`PRAGMA user_version`); never edit a shipped one. */
const MIGRATIONS: string[] = [
  `CREATE TABLE subscriptions (
     id INTEGER PRIMARY KEY,
     platform TEXT NOT NULL CHECK (platform IN ('discord', 'slack')),
     place_id TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     tag TEXT NOT NULL DEFAULT '',
     weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
     time TEXT NOT NULL,
     time_zone TEXT NOT NULL,
     locale TEXT NOT NULL DEFAULT 'en',
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     paused_at TEXT,
     failed_weeks INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     UNIQUE (platform, channel_id, tag)
   );
   CREATE TABLE sends (
     subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
     iso_week TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
     updated_at TEXT NOT NULL,
     error TEXT,
     PRIMARY KEY (subscription_id, iso_week)
   );
   CREATE TABLE weekly_counts (
     iso_week TEXT NOT NULL,
     tag TEXT NOT NULL,
     slm INTEGER NOT NULL,
     borderline INTEGER NOT NULL,
     llm INTEGER NOT NULL,
     unknown INTEGER NOT NULL,
     PRIMARY KEY (iso_week, tag)
   );
   CREATE TABLE weekly_downloads (
     iso_week TEXT NOT NULL,
     model_id TEXT NOT NULL,
     downloads INTEGER NOT NULL,
     verdict TEXT NOT NULL,
     created_at TEXT,
     PRIMARY KEY (iso_week, model_id)
   );`,
  // 2: whether a week's counts cover all its new models (a listing can stop at its cap).
  `ALTER TABLE weekly_counts ADD COLUMN complete INTEGER NOT NULL DEFAULT 1;`,
  // 3: claims say whether the digest is being built or sent, and which process holds them.
  // SQLite cannot change a CHECK constraint in place, so the table is rebuilt; old 'sending' rows keep
  // their meaning (maybe sent) and have no owner.
  `CREATE TABLE sends_v3 (
     subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
     iso_week TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('building', 'sending', 'sent', 'failed')),
     owner TEXT,
     updated_at TEXT NOT NULL,
     error TEXT,
     PRIMARY KEY (subscription_id, iso_week)
   );
   INSERT INTO sends_v3 (subscription_id, iso_week, status, owner, updated_at, error)
     SELECT subscription_id, iso_week, status, NULL, updated_at, error FROM sends;
   DROP TABLE sends;
   ALTER TABLE sends_v3 RENAME TO sends;`,
];

interface SubscriptionRow {
  id: number;
  platform: Platform;
  place_id: string;
  channel_id: string;
  tag: string;
  weekday: number;
  time: string;
  time_zone: string;
  locale: string;
  created_by: string;
  created_at: string;
  paused_at: string | null;
  failed_weeks: number;
  last_error: string | null;
}

const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  platform: r.platform,
  placeId: r.place_id,
  channelId: r.channel_id,
  tag: r.tag === '' ? null : r.tag,
  weekday: r.weekday,
  time: r.time,
  timeZone: r.time_zone,
  locale: toLocale(r.locale),
  createdBy: r.created_by,
  createdAt: r.created_at,
  pausedAt: r.paused_at,
  failedWeeks: r.failed_weeks,
  lastError: r.last_error,
});

export const STORE_FILE = 'slm-radar.sqlite';

/** The database could not be opened or upgraded (corrupt, locked, read-only, not a database). */
export class StoreOpenError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`cannot open the database ${path}: ${(cause as Error)?.message ?? cause}`, { cause });
    this.name = 'StoreOpenError';
  }
}

export class Store {
  readonly db: Database.Database;
  /** Who signs this process's digest claims. */
  readonly owner: string;

  /**
   * Opens (and creates or upgrades) the database `slm-radar.sqlite` under `dataDir`; ':memory:' for tests.
   * Throws StoreOpenError when it cannot be opened, read and written.
   */
  constructor(dataDir: string, options: { owner?: string } = {}) {
    this.owner = options.owner ?? processOwner();
    const path = dataDir === ':memory:' ? ':memory:' : join(dataDir, STORE_FILE);
    let db: Database.Database | undefined;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      db = new Database(path);
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      this.db = db;
      this.migrate();
      // Reads every page header: a corrupt file fails here, at start, not at the first digest.
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`integrity check: ${String(check)}`);
      // A read-only file opens and reads fine; only a write tells.
      db.exec('BEGIN IMMEDIATE; ROLLBACK;');
    } catch (err) {
      db?.close();
      throw new StoreOpenError(path, err);
    }
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  /** Creates the channel's subscription for this tag, or updates its day, time and zone. */
  subscribe(sub: NewSubscription, now: Date): Subscription {
    const row = this.db
      .prepare(
        `INSERT INTO subscriptions (platform, place_id, channel_id, tag, weekday, time, time_zone, locale, created_by, created_at)
         VALUES (@platform, @placeId, @channelId, @tag, @weekday, @time, @timeZone, @locale, @createdBy, @createdAt)
         ON CONFLICT (platform, channel_id, tag) DO UPDATE SET
           weekday = excluded.weekday, time = excluded.time, time_zone = excluded.time_zone, locale = excluded.locale,
           paused_at = NULL, failed_weeks = 0, last_error = NULL
         RETURNING *`,
      )
      .get({ ...sub, tag: sub.tag ?? '', createdAt: now.toISOString() }) as SubscriptionRow;
    return toSubscription(row);
  }

  /** Removes the channel's subscription for this tag (null = all tasks); false when there was none. */
  unsubscribe(platform: Platform, channelId: string, tag: string | null): boolean {
    return this.db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ? AND tag = ?').run(platform, channelId, tag ?? '').changes > 0;
  }

  /** Subscriptions of a Discord server or Slack workspace, by channel. */
  subscriptionsOf(platform: Platform, placeId: string): Subscription[] {
    return (this.db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND place_id = ? ORDER BY channel_id, tag').all(platform, placeId) as SubscriptionRow[]).map(toSubscription);
  }

  /** Subscriptions that still post (not paused). */
  activeSubscriptions(): Subscription[] {
    return (this.db.prepare('SELECT * FROM subscriptions WHERE paused_at IS NULL ORDER BY id').all() as SubscriptionRow[]).map(toSubscription);
  }

  /**
   * Claims the week's digest for a subscription, as 'building': true for one caller only. The claim is
   * the lock between processes sharing DATA_DIR (one IMMEDIATE transaction). A 'building' claim whose
   * process died (or, on another host, that is older than CLAIM_LEASE_MS) is taken over: nothing was
   * sent for it yet.
   */
  claimSend(subscriptionId: number, isoWeek: string, now: Date): boolean {
    return this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT status, owner, updated_at FROM sends WHERE subscription_id = ? AND iso_week = ?').get(subscriptionId, isoWeek) as
          | { status: SendStatus; owner: string | null; updated_at: string }
          | undefined;
        if (row) {
          const abandoned = row.status === 'building' && row.owner !== this.owner && claimAbandoned(row.owner, row.updated_at, now);
          if (!abandoned) return false;
          this.db.prepare(`UPDATE sends SET owner = ?, updated_at = ? WHERE subscription_id = ? AND iso_week = ?`).run(this.owner, now.toISOString(), subscriptionId, isoWeek);
          return true;
        }
        this.db
          .prepare(`INSERT INTO sends (subscription_id, iso_week, status, owner, updated_at) VALUES (?, ?, 'building', ?, ?)`)
          .run(subscriptionId, isoWeek, this.owner, now.toISOString());
        return true;
      })
      .immediate();
  }

  /**
   * The digest is built and about to be posted: this process's 'building' claim becomes 'sending'.
   * False when the claim is no longer ours (another process took it over): do not post.
   */
  startSending(subscriptionId: number, isoWeek: string, now: Date): boolean {
    return (
      this.db
        .prepare(`UPDATE sends SET status = 'sending', updated_at = ? WHERE subscription_id = ? AND iso_week = ? AND status = 'building' AND owner = ?`)
        .run(now.toISOString(), subscriptionId, isoWeek, this.owner).changes === 1
    );
  }

  /**
   * Gives a week's claim back while nothing was sent ('building'): a later tick, of this process or
   * another, claims it again. For a digest that could not be built from fresh data, and on shutdown.
   */
  releaseClaim(subscriptionId: number, isoWeek: string): boolean {
    return this.db.prepare(`DELETE FROM sends WHERE subscription_id = ? AND iso_week = ? AND status = 'building' AND owner = ?`).run(subscriptionId, isoWeek, this.owner).changes === 1;
  }

  /**
   * Gives back this process's 'sending' claim whose attempts all failed, the post known not to have
   * gone out (the bot is stopping between two attempts): a later process posts it.
   */
  releaseFailedSend(subscriptionId: number, isoWeek: string): boolean {
    return this.db.prepare(`DELETE FROM sends WHERE subscription_id = ? AND iso_week = ? AND status = 'sending' AND owner = ?`).run(subscriptionId, isoWeek, this.owner).changes === 1;
  }

  /** Releases every claim this process holds that is still being built (SIGTERM): they are retried after a restart. */
  releaseClaims(): number {
    return this.db.prepare(`DELETE FROM sends WHERE status = 'building' AND owner = ?`).run(this.owner).changes;
  }

  /**
   * 'sending' claims whose process died before it could record the outcome. Whether the post went out
   * is unknown, so it is not sent again (no duplicate); it is recorded as failed ("interrupted"),
   * without counting towards a pause, and /subscriptions shows it. Returns how many were found.
   */
  markInterrupted(now: Date): number {
    const rows = this.db.prepare(`SELECT subscription_id, iso_week, owner, updated_at FROM sends WHERE status = 'sending' AND (owner IS NULL OR owner != ?)`).all(this.owner) as {
      subscription_id: number;
      iso_week: string;
      owner: string | null;
      updated_at: string;
    }[];
    const dead = rows.filter((r) => claimAbandoned(r.owner, r.updated_at, now));
    const mark = this.db.prepare(
      `UPDATE sends SET status = 'failed', error = 'interrupted: the bot stopped while posting', updated_at = ? WHERE subscription_id = ? AND iso_week = ? AND status = 'sending'`,
    );
    return this.db.transaction(() => dead.reduce((n, r) => n + mark.run(now.toISOString(), r.subscription_id, r.iso_week).changes, 0))();
  }

  sendStatus(subscriptionId: number, isoWeek: string): SendStatus | undefined {
    const row = this.db.prepare('SELECT status FROM sends WHERE subscription_id = ? AND iso_week = ?').get(subscriptionId, isoWeek) as { status: SendStatus } | undefined;
    return row?.status;
  }

  /** A subscription's weekly records, newest week first. */
  sendsOf(subscriptionId: number, limit = 8): SendRecord[] {
    const rows = this.db.prepare('SELECT iso_week, status, updated_at, error FROM sends WHERE subscription_id = ? ORDER BY iso_week DESC LIMIT ?').all(subscriptionId, limit) as {
      iso_week: string;
      status: SendStatus;
      updated_at: string;
      error: string | null;
    }[];
    return rows.map((r) => ({ isoWeek: r.iso_week, status: r.status, updatedAt: r.updated_at, error: r.error }));
  }

  /** Records the week's post; the subscription's failure count starts again. */
  markSent(subscriptionId: number, isoWeek: string, now: Date): void {
    this.db.transaction(() => {
      this.db.prepare(`UPDATE sends SET status = 'sent', updated_at = ?, error = NULL WHERE subscription_id = ? AND iso_week = ?`).run(now.toISOString(), subscriptionId, isoWeek);
      this.db.prepare('UPDATE subscriptions SET failed_weeks = 0, last_error = NULL WHERE id = ?').run(subscriptionId);
    })();
  }

  /** Records a week without a post; after `pauseAfter` such weeks in a row the subscription is paused. */
  markFailed(subscriptionId: number, isoWeek: string, error: string, now: Date, pauseAfter = 3): Subscription | undefined {
    return this.db.transaction(() => {
      this.db.prepare(`UPDATE sends SET status = 'failed', updated_at = ?, error = ? WHERE subscription_id = ? AND iso_week = ?`).run(now.toISOString(), error, subscriptionId, isoWeek);
      const row = this.db
        .prepare(
          `UPDATE subscriptions SET failed_weeks = failed_weeks + 1, last_error = ?,
             paused_at = CASE WHEN failed_weeks + 1 >= ? THEN ? ELSE paused_at END
           WHERE id = ? RETURNING *`,
        )
        .get(error, pauseAfter, now.toISOString(), subscriptionId) as SubscriptionRow | undefined;
      return row && toSubscription(row);
    })();
  }

  saveWeeklyCounts(rows: WeeklyCounts[]): void {
    const insert = this.db.prepare(
      `INSERT INTO weekly_counts (iso_week, tag, slm, borderline, llm, unknown, complete) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (iso_week, tag) DO UPDATE SET slm = excluded.slm, borderline = excluded.borderline, llm = excluded.llm,
         unknown = excluded.unknown, complete = excluded.complete`,
    );
    this.db.transaction(() => {
      for (const r of rows) insert.run(r.isoWeek, r.tag ?? '', r.counts.SLM, r.counts.borderline, r.counts.LLM, r.counts.unknown, r.complete ? 1 : 0);
    })();
  }

  /** Stored weekly counts for a tag (null = all tasks), oldest week first. */
  weeklyCounts(tag: string | null): WeeklyCounts[] {
    const rows = this.db.prepare('SELECT * FROM weekly_counts WHERE tag = ? ORDER BY iso_week').all(tag ?? '') as {
      iso_week: string;
      tag: string;
      slm: number;
      borderline: number;
      llm: number;
      unknown: number;
      complete: number;
    }[];
    return rows.map((r) => ({ isoWeek: r.iso_week, tag, counts: { SLM: r.slm, borderline: r.borderline, LLM: r.llm, unknown: r.unknown }, complete: r.complete === 1 }));
  }

  hasWeeklyCounts(isoWeek: string): boolean {
    return this.db.prepare('SELECT 1 FROM weekly_counts WHERE iso_week = ? LIMIT 1').get(isoWeek) !== undefined;
  }

  saveWeeklyDownloads(rows: WeeklyDownloads[]): void {
    const insert = this.db.prepare(
      `INSERT INTO weekly_downloads (iso_week, model_id, downloads, verdict, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (iso_week, model_id) DO UPDATE SET downloads = excluded.downloads, verdict = excluded.verdict`,
    );
    this.db.transaction(() => {
      for (const r of rows) insert.run(r.isoWeek, r.modelId, r.downloads, r.verdict, r.createdAt);
    })();
  }

  /** Stored 30-day downloads of the top models, oldest week first. */
  weeklyDownloads(): WeeklyDownloads[] {
    const rows = this.db.prepare('SELECT * FROM weekly_downloads ORDER BY iso_week, downloads DESC').all() as {
      iso_week: string;
      model_id: string;
      downloads: number;
      verdict: Verdict;
      created_at: string | null;
    }[];
    return rows.map((r) => ({ isoWeek: r.iso_week, modelId: r.model_id, downloads: r.downloads, verdict: r.verdict, createdAt: r.created_at }));
  }

  hasWeeklyDownloads(isoWeek: string): boolean {
    return this.db.prepare('SELECT 1 FROM weekly_downloads WHERE iso_week = ? LIMIT 1').get(isoWeek) !== undefined;
  }

  close(): void {
    this.db.close();
  }
}
