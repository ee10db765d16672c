// Child process for the two-processes test: opens the store under argv[2], says "ready", waits for a
// line on stdin (so both processes start together), then claims weeks W0…W{argv[4]-1} of subscription
// argv[3] as fast as it can and prints the weeks it won, one a line, then "done"; it stays alive (its
// claims held, as a bot's while it builds) until stdin closes.
import { once } from 'node:events';
import { Store } from '../../src/digest/store.js';

const [dir, id, count] = process.argv.slice(2);
const store = new Store(dir);
process.stdout.write('ready\n');
await once(process.stdin, 'data');
for (let week = 0; week < Number(count); week++) {
  if (store.claimSend(Number(id), `W${week}`, new Date())) process.stdout.write(`W${week}\n`);
}
process.stdout.write('done\n');
process.stdin.resume();
await once(process.stdin, 'end');
store.close();
