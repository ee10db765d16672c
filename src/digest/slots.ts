// A subscription's weekly slots (day, time, time zone), computed by croner: when the digest is due,
// the next post, and the recent weeks that went without one. Pure: the scheduler and the commands share it.
import { Cron } from 'croner';
import { isoWeekOf } from '../core/weeks.js';
import type { SendRecord, Subscription } from './store.js';

const WEEKDAY_CRON = ['', '1', '2', '3', '4', '5', '6', '0']; // ISO 1 = Monday … 7 = Sunday (cron 0)

/** A paused croner job that only computes a subscription's weekly slots (day, time, time zone). */
function slotCron(sub: Pick<Subscription, 'weekday' | 'time' | 'timeZone'>): Cron {
  const [hour, minute] = sub.time.split(':').map(Number);
  return new Cron(`${minute} ${hour} * * ${WEEKDAY_CRON[sub.weekday]}`, { timezone: sub.timeZone, paused: true });
}

/** The subscription's next slot after `now`. */
export function nextSlot(sub: Pick<Subscription, 'weekday' | 'time' | 'timeZone'>, now: Date): Date {
  return slotCron(sub).nextRun(now)!;
}

/** The subscription's most recent slot at or before `now`, and its ISO week; null if that week is over. */
export function dueSlot(sub: Subscription, now: Date): { slot: Date; isoWeek: string } | null {
  // previousRuns excludes its reference instant, so a tick exactly at the slot still counts it.
  const [slot] = slotCron(sub).previousRuns(1, new Date(now.getTime() + 1));
  if (!slot) return null;
  const isoWeek = isoWeekOf(slot, sub.timeZone);
  if (isoWeek !== isoWeekOf(now, sub.timeZone)) return null;
  // A subscription made after this week's slot starts with next week's.
  if (slot < new Date(sub.createdAt)) return null;
  return { slot, isoWeek };
}

/** A recent week whose digest did not go out, as /subscriptions shows it. */
export interface MissedWeek {
  isoWeek: string;
  /** failed: the platform refused; interrupted: the bot stopped while posting; lost: no post and the week is over; waiting: due, not posted yet. */
  kind: 'failed' | 'interrupted' | 'lost' | 'waiting';
  error: string | null;
}

/** The subscription's weeks (at most the last `weeks` slots, none before it was made) without a post. */
export function missedWeeks(sub: Subscription, sends: readonly SendRecord[], now: Date, weeks = 4): MissedWeek[] {
  const byWeek = new Map(sends.map((s) => [s.isoWeek, s]));
  const current = isoWeekOf(now, sub.timeZone);
  const missed: MissedWeek[] = [];
  for (const slot of slotCron(sub).previousRuns(weeks, new Date(now.getTime() + 1))) {
    if (slot < new Date(sub.createdAt)) continue;
    const isoWeek = isoWeekOf(slot, sub.timeZone);
    const send = byWeek.get(isoWeek);
    if (send?.status === 'sent') continue;
    if (send?.status === 'failed') missed.push({ isoWeek, kind: send.error?.startsWith('interrupted') ? 'interrupted' : 'failed', error: send.error });
    else if (isoWeek !== current) missed.push({ isoWeek, kind: 'lost', error: send?.error ?? null });
    else if (!send) missed.push({ isoWeek, kind: 'waiting', error: null });
  }
  return missed;
}
