// Child process for the crash test: writes subscriptions and digest claims as fast as it can,
// printing the number of each committed subscription, until the parent kills it with SIGKILL.
import { Store } from '../../src/digest/store.js';

const store = new Store(process.argv[2]);
const now = new Date('2026-11-30T08:00:00Z');
for (let i = 0; ; i++) {
  const sub = store.subscribe(
    { platform: i % 2 ? 'slack' : 'discord', placeId: 'P1', channelId: `C${i}`, tag: null, weekday: 1, time: '09:00', timeZone: 'UTC', locale: 'en', createdBy: 'U1' },
    now,
  );
  store.claimSend(sub.id, '2026-W49', now);
  store.markSent(sub.id, '2026-W49', now);
  store.saveWeeklyDownloads([{ isoWeek: '2026-W49', modelId: `m/${i}`, downloads: i, verdict: 'SLM', createdAt: null }]);
  process.stdout.write(`${i}\n`);
}
