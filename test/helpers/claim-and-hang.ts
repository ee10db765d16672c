// Child process for the crash tests: opens the store under DATA_DIR argv[2], claims the week argv[4]
// of subscription argv[3] (or, with argv[5] = 'sending', also starts sending it), says "claimed", then
// waits to be killed with SIGKILL, as a bot killed while building or posting a digest.
import { Store } from '../../src/digest/store.js';

const [dir, id, week, stage] = process.argv.slice(2);
const store = new Store(dir);
const now = new Date();
if (!store.claimSend(Number(id), week, now)) throw new Error('could not claim');
if (stage === 'sending' && !store.startSending(Number(id), week, now)) throw new Error('could not start sending');
process.stdout.write('claimed\n');
setInterval(() => {}, 60_000);
