// Weekly digests: each subscription gets its post exactly once per ISO week (in its own time zone),
// at its day and time, across restarts. A tick every minute (croner) looks for digests that are
// due; a digest whose time passed while the bot was down is posted once, if its week is not over.
import { Cron } from 'croner';
import type { Bot } from '../bot.js';
import { thresholdsFrom } from '../options.js';
import { errorReply, type Reply } from '../reply.js';
import { recordHistory } from './history.js';
import { dueSlot } from './slots.js';
import type { Platform, Store, Subscription } from './store.js';
import { InFlight, STOP_TIMEOUT_MS } from '../in-flight.js';
import { sleep } from '../time.js';

export interface PostOptions {
  /**
   * The same for every attempt at one week's digest: platforms that support it (Discord's
   * `nonce` + `enforce_nonce`) answer a repeated post with the first message instead of a second one.
   */
  nonce: string;
}

/**
 * Posts a reply in a channel of one platform; throws when the platform refuses. Throws
 * UncertainPostError when the post may have gone out (a timeout after sending), so it is not retried.
 */
export type ChannelPoster = (channelId: string, reply: Reply, subscription: Subscription, options: PostOptions) => Promise<void>;

/** A post whose outcome is unknown (the platform may have posted it): trying again could post twice. */
export class UncertainPostError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UncertainPostError';
  }
}

/** The week's nonce for a subscription: Discord allows 25 characters. */
export const digestNonce = (subscriptionId: number, isoWeek: string) => `slm${subscriptionId}w${isoWeek}`.slice(0, 25);

export interface SchedulerOptions {
  /** Waits between the attempts of one week's post (bounded retries). */
  retryDelaysMs?: number[];
  /** Weeks in a row without a post before a subscription is paused. */
  pauseAfterFailedWeeks?: number;
}

/** A week this process claimed and has not recorded as sent or failed yet. */
interface Claim {
  sub: Subscription;
  isoWeek: string;
  /** Set once the store has it as 'sending' (built, posting starts). */
  sending: boolean;
  /** True while the platform is being asked to post it: then it may have gone out. */
  posting: boolean;
}

export class DigestScheduler {
  private cron?: Cron;
  private running?: Promise<void>;
  /** Set by stop(): no new tick, no new post attempt. */
  private stopping = false;
  private readonly claims = new Map<string, Claim>();
  private readonly posts = new InFlight();
  /** Ends the waits between post attempts when stop() is called. */
  private wake!: () => void;
  private readonly woken = new Promise<void>((resolve) => (this.wake = resolve));

  constructor(
    private readonly bot: Bot,
    private readonly store: Store,
    private readonly posters: Partial<Record<Platform, ChannelPoster>>,
    private readonly options: SchedulerOptions = {},
  ) {}

  /** Ticks now (catch-up after downtime), then at the start of every minute. */
  start(now: () => Date = () => new Date()): void {
    this.cron = new Cron('* * * * *', { protect: true, catch: true }, () => this.tick(now()));
    void this.tick(now());
  }

  /**
   * Posts a dead process left in 'sending' become visible as interrupted (not resent: they may have
   * gone out). Its 'building' claims need nothing: the next claim takes them over. Run at every tick.
   */
  recoverInterrupted(now: Date): void {
    const found = this.store.markInterrupted(now);
    if (found) this.bot.log.warn({ found }, 'digest: posts interrupted by a stopped process were not resent (no duplicates)');
  }

  /**
   * Stops ticking. A digest still being built, or waiting to try its post again, gives its week's
   * claim back, so the next start posts it; a post the platform is handling may finish until
   * `deadline` (epoch ms) and is then recorded as sent. Nothing is posted twice.
   */
  async stop(deadline = Date.now() + STOP_TIMEOUT_MS): Promise<void> {
    this.cron?.stop();
    this.stopping = true;
    this.wake();
    const released = this.store.releaseClaims(); // the weeks still being built: nothing was sent for them
    if (released) this.bot.log.info({ released }, 'digest: stopping; the weeks still being built are posted after the restart');
    for (const claim of this.claims.values()) if (claim.sending && !claim.posting) this.handBack(claim);
    if (!(await this.posts.settled(deadline))) this.bot.log.warn('digest: stopping with a post still in flight; if it did not go out, that week is shown as interrupted');
  }

  /** One attempt at a post, with its record: stop() waits for both. */
  private async postOnce(claim: Claim, post: () => Promise<void>, now: Date): Promise<void> {
    const { sub, isoWeek } = claim;
    claim.posting = true;
    try {
      await post();
      this.store.markSent(sub.id, isoWeek, now);
      this.bot.log.info({ subscription: sub.id, platform: sub.platform, channel: sub.channelId, isoWeek }, 'digest: posted');
    } catch (err) {
      // Refused while stopping: nothing went out and no retry comes in this process; the next start posts it.
      // (A post that may have gone out is not given back: it is recorded as failed, never sent twice.)
      if (this.stopping && !(err instanceof UncertainPostError)) this.handBack(claim);
      throw err;
    } finally {
      claim.posting = false;
    }
  }

  /** Gives back a week whose attempts were all refused (nothing went out): the next process posts it. */
  private handBack(claim: Claim): void {
    if (!this.claims.delete(`${claim.sub.id}|${claim.isoWeek}`)) return;
    this.store.releaseFailedSend(claim.sub.id, claim.isoWeek);
    this.bot.log.info({ subscription: claim.sub.id, isoWeek: claim.isoWeek }, 'digest: stopping; this week is posted after the restart');
  }

  /** Posts every digest due at `now`, and records the week's history; one tick at a time. */
  async tick(now: Date): Promise<void> {
    if (this.stopping) return;
    if (this.running) return this.running;
    this.running = this.runTick(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async runTick(now: Date): Promise<void> {
    this.recoverInterrupted(now);
    const due = this.store
      .activeSubscriptions()
      .filter((sub) => this.posters[sub.platform])
      .map((sub) => ({ sub, slot: dueSlot(sub, now) }))
      .filter((d): d is { sub: Subscription; slot: { slot: Date; isoWeek: string } } => d.slot !== null)
      // The claim is the exactly-once guarantee: only the first tick ever to claim a week posts it.
      .filter(({ sub, slot }) => this.store.claimSend(sub.id, slot.isoWeek, now));
    // One digest per tag and language per tick, however many channels get it (the Hub is asked once).
    const digests = new Map<string, Promise<Reply>>();
    const digestFor = (sub: Subscription) => {
      const key = `${sub.tag ?? ''}|${sub.locale}`;
      if (!digests.has(key)) digests.set(key, this.bot.invoke('digest', { action: 'preview', tag: sub.tag ?? undefined }, { locale: sub.locale, now }).catch((err: unknown) => this.failedBuild(err, sub.locale)));
      return digests.get(key)!;
    };
    // One failing channel must not hold up or stop the others.
    await Promise.allSettled(
      due.map(({ sub, slot }) =>
        this.deliver(sub, slot.isoWeek, now, digestFor).catch((err: unknown) => {
          // Nothing was sent if the claim is still 'building': give it back so a later tick tries again.
          this.store.releaseClaim(sub.id, slot.isoWeek);
          this.bot.log.error({ err, subscription: sub.id }, 'digest: delivery failed unexpectedly');
        }),
      ),
    );
    try {
      const recorded = await recordHistory(this.bot.hub, this.store, thresholdsFrom({}, this.bot.config), now, this.bot.config.SAMPLE_SIZE);
      if (recorded.length) this.bot.log.info({ recorded }, 'digest: weekly history recorded');
    } catch (err) {
      this.bot.log.warn({ err }, 'digest: recording the weekly history failed; next tick tries again');
    }
  }

  /** A digest build that threw (invoke turns failures into replies, so this is a guard): no post this tick. */
  private failedBuild(err: unknown, locale: Subscription['locale']): Reply {
    this.bot.log.error({ err }, 'digest: building the digest failed');
    return errorReply('internal', String((err as Error)?.message ?? err), locale);
  }

  /**
   * Posts the digest (built like a user's `/digest preview`) with bounded retries, and records the
   * outcome. Every attempt carries the week's nonce, so a platform that supports it never shows two.
   */
  private async deliver(sub: Subscription, isoWeek: string, now: Date, digestFor: (sub: Subscription) => Promise<Reply>): Promise<void> {
    const key = `${sub.id}|${isoWeek}`;
    const claim: Claim = { sub, isoWeek, sending: false, posting: false };
    this.claims.set(key, claim);
    try {
      await this.deliverClaimed(claim, now, digestFor);
    } finally {
      this.claims.delete(key);
    }
  }

  private async deliverClaimed(claim: Claim, now: Date, digestFor: (sub: Subscription) => Promise<Reply>): Promise<void> {
    const { sub, isoWeek } = claim;
    const post = this.posters[sub.platform]!;
    const reply = await digestFor(sub);
    if (this.stopping) return; // stop() gave the claim back
    // Last week on the Hub could not be read (it is down or limiting us): try again at a later tick
    // this week rather than post old snapshot numbers as this week's. Offline, the snapshot is the point.
    if (reply.error || (reply.source?.kind === 'snapshot' && !this.bot.config.OFFLINE)) {
      this.store.releaseClaim(sub.id, isoWeek);
      this.bot.log.warn({ subscription: sub.id, isoWeek, error: reply.error?.message }, 'digest: no fresh Hub data; will try again at the next tick');
      return;
    }
    // Another process took the claim over while this one was building (it thought this one dead): it posts.
    if (!this.store.startSending(sub.id, isoWeek, now)) {
      this.bot.log.warn({ subscription: sub.id, isoWeek }, 'digest: claim taken over by another process; not posting');
      return;
    }
    claim.sending = true;
    const delays = this.options.retryDelaysMs ?? [2_000, 10_000];
    const options: PostOptions = { nonce: digestNonce(sub.id, isoWeek) };
    let lastError = '';
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (attempt > 0) await Promise.race([sleep(delays[attempt - 1]), this.woken]);
      if (this.stopping) return; // stop() gave the claim back
      try {
        await this.posts.track(this.postOnce(claim, () => post(sub.channelId, { ...reply, ephemeral: false }, sub, options), now));
        return;
      } catch (err) {
        lastError = (err as Error).message ?? String(err);
        this.bot.log.warn({ err, subscription: sub.id, attempt: attempt + 1 }, 'digest: post failed');
        if (err instanceof UncertainPostError) break;
      }
    }
    const after = this.store.markFailed(sub.id, isoWeek, lastError.slice(0, 500), now, this.options.pauseAfterFailedWeeks ?? 3);
    if (after?.pausedAt) this.bot.log.warn({ subscription: sub.id, channel: sub.channelId }, 'digest: subscription paused after repeated failures');
  }
}
