// Child process for the logging test: logs 20,000 long lines as fast as it can, says so on stdout,
// then exits, whoever reads (or does not read) its stderr.
import { createLogger } from '../../src/log.js';

const log = createLogger('info');
for (let i = 0; i < 20_000; i++) log.info({ i, pad: 'x'.repeat(500) }, 'flood');
process.stdout.write('logged\n');
process.exit(0);
