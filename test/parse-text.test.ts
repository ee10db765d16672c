import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../commands/index.js';
import { findCommand } from '../src/invoke.js';
import { parseArgs, splitCommandLine, splitWords } from '../src/parse-text.js';

describe('text commands (console and Slack)', () => {
  it('splits words, keeping straight, curly and French quotes together', () => {
    expect(splitWords('a "b c" ‘d e’ “text-generation” « f g » h')).toEqual(['a', 'b c', 'd e', 'text-generation', 'f g', 'h']);
  });

  it('maps named options, then text options in order, and the rest option', () => {
    const trend = findCommand(COMMANDS, 'trend')!;
    expect(parseArgs(trend, 'text-generation 2024-01 sample:500')).toEqual({ tag: 'text-generation', since: '2024-01', sample: '500' });
    expect(parseArgs(trend, 'since=2024-01 “fill-mask”')).toEqual({ since: '2024-01', tag: 'fill-mask' });
    const compare = findCommand(COMMANDS, 'compare')!;
    // Each model fills its own option, the last one takes the rest of the line.
    expect(parseArgs(compare, 'a/b c/d, e/f')).toEqual({ model1: 'a/b', model2: 'c/d,', model3: 'e/f' });
    expect(parseArgs(compare, 'a b c d e f g')).toEqual({ model1: 'a', model2: 'b', model3: 'c', model4: 'd', model5: 'e f g' });
    expect(parseArgs(findCommand(COMMANDS, 'classify')!, 'x/y z')).toEqual({ model: 'x/y', _extra: 'z' });
    expect(splitCommandLine('  /Classify  Qwen/Qwen2.5-0.5B ')).toEqual({ name: 'classify', rest: 'Qwen/Qwen2.5-0.5B' });
  });
});
