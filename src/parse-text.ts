// Text commands, as typed in the console and in Slack: `/trend text-generation since:2024-01`.
// Words of the form `name:value` (or `name=value`) set that option; other words fill the text
// options in the order the command declares them (numbers such as `sample:5000` are always named);
// a `rest` option takes all remaining words.
import type { Command } from './command.js';
import type { RawArgs } from './invoke.js';

/** Splits on spaces, keeping "quoted words" together (straight, curly or French quotes, as phones type them). */
export function splitWords(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|“([^”]*)”|‘([^’]*)’|«\s?([^»]*?)\s?»|(\S+)/g)].map((m) => m.slice(1).find((g) => g !== undefined)!);
}

/** `/classify Qwen/Qwen2.5-0.5B` → `{ name: 'classify', rest: 'Qwen/Qwen2.5-0.5B' }`. */
export function splitCommandLine(line: string): { name: string; rest: string } {
  const trimmed = line.trim();
  const match = /^\/?(\S*)\s*([\s\S]*)$/.exec(trimmed)!;
  return { name: match[1].toLowerCase(), rest: match[2] };
}

/** Maps the words after the command name to the command's options. */
export function parseArgs(command: Command, text: string): RawArgs {
  const args: RawArgs = {};
  const positional: string[] = [];
  const byName = new Map(command.options.map((o) => [o.name, o]));
  for (const word of splitWords(text)) {
    const keyed = /^([a-z_]+)[:=]([\s\S]*)$/i.exec(word);
    if (keyed && byName.has(keyed[1].toLowerCase())) args[keyed[1].toLowerCase()] = keyed[2];
    // `since:2024-01` on a command without `since` is a wrong option, not a tag or a model id (links keep their `https:`).
    else if (keyed && !keyed[2].startsWith('//')) args._unknownOption ??= word;
    else positional.push(word);
  }
  for (const option of command.options) {
    if (positional.length === 0) break;
    if (args[option.name] !== undefined || option.type !== 'string') continue;
    args[option.name] = option.rest ? positional.splice(0).join(' ') : positional.shift();
  }
  // Words nobody takes still reach validation, so the user hears about them.
  if (positional.length > 0) args._extra = positional.join(' ');
  return args;
}
