// Every command of SLM Radar. Adding a command = one file here + one line below; it then appears
// on the console, Discord and Slack with no adapter change.
import type { Command } from '../src/command.js';
import about from './about.js';
import benchmark from './benchmark.js';
import classify from './classify.js';
import compare from './compare.js';
import digest from './digest.js';
import help from './help.js';
import lifespan from './lifespan.js';
import share from './share.js';
import subscribe from './subscribe.js';
import subscriptions from './subscriptions.js';
import tags from './tags.js';
import thresholds from './thresholds.js';
import trend from './trend.js';
import unsubscribe from './unsubscribe.js';

export const COMMANDS: readonly Command[] = [
  classify,
  compare,
  trend,
  lifespan,
  share,
  tags,
  benchmark,
  thresholds,
  subscribe,
  unsubscribe,
  subscriptions,
  digest,
  help,
  about,
] as Command[];
