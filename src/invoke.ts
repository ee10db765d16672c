// The one path every request takes: find the command, validate its options, run it, and turn
// any failure into a Reply. Adapters (console, Discord, Slack, digest) only call `invoke`.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Command, CommandContext } from './command.js';
import { StoreOpenError } from './digest/store.js';
import { rankSuggestions } from './hub/suggest.js';
import { t } from './i18n.js';
import type { Logger } from './log.js';
import { InputError, inputErrorText, quoted, tooLong } from './options.js';
import { errorReply, type Reply } from './reply.js';

export type RawArgs = Record<string, string | number | boolean | undefined>;

export function findCommand(commands: readonly Command[], name: string): Command | undefined {
  const wanted = name.trim().replace(/^\//, '').toLowerCase();
  return commands.find((c) => c.name === wanted);
}

/** What was wrong, then what to type instead: the command's usage. */
function badInput(sentence: string, command: Command, ctx: CommandContext): Reply {
  return errorReply('bad_input', t(ctx.locale, 'invoke.type', { sentence, usage: command.usage }), ctx.locale);
}

/** The sentence for the first problem zod found. */
function inputProblem(issues: z.core.$ZodIssue[], args: RawArgs, ctx: CommandContext): string {
  const issue = issues[0];
  const option = String(issue.path[0] ?? '');
  // An option built from others (compare's model1…model5 → models) is not among the args: show what it was built from.
  const given = args[option] ?? (Array.isArray(issue.input) ? issue.input.join(' ') : undefined);
  const value = given === undefined ? '' : String(given);
  return inputErrorText(issue.message, value, ctx.locale) ?? t(ctx.locale, 'invoke.optionInvalid', { option, value: quoted(value) });
}

/** "Unknown command", with the closest command names when some are close. */
function unknownCommand(commands: readonly Command[], name: string, ctx: CommandContext): Reply {
  const typed = name.trim().replace(/^\//, '');
  const close = rankSuggestions(typed, commands.map((c) => c.name), 3).map((n) => `/${n}`);
  const command = quoted(`/${typed.slice(0, 40)}`);
  return errorReply(
    'unknown_command',
    close.length ? t(ctx.locale, 'invoke.unknownCommandSuggest', { command, suggestions: close.join(', ') }) : t(ctx.locale, 'invoke.unknownCommand', { command }),
    ctx.locale,
  );
}

export async function invoke(commands: readonly Command[], name: string, args: RawArgs, ctx: CommandContext, log: Logger): Promise<Reply> {
  const command = findCommand(commands, name);
  if (!command) return unknownCommand(commands, name, ctx);
  if (args._unknownOption !== undefined) {
    const word = String(args._unknownOption);
    const options = command.options.map((o) => o.name).join(', ');
    const values = { value: quoted(word), option: word.split(/[:=]/)[0], options };
    return badInput(t(ctx.locale, options ? 'input.unknown_option' : 'input.unknown_option_none', values), command, ctx);
  }
  // Bounds before any work: a huge value would cost parsing, searching and echoing.
  if (args._tooLong !== undefined || tooLong(args)) return badInput(inputErrorText('too_long', '', ctx.locale)!, command, ctx);
  if (args._extra !== undefined) return badInput(inputErrorText('extra', String(args._extra), ctx.locale)!, command, ctx);
  const parsed = command.schema.safeParse(args, { reportInput: true });
  if (!parsed.success) return badInput(inputProblem(parsed.error.issues, args, ctx), command, ctx);
  try {
    return await command.run(ctx, parsed.data);
  } catch (error) {
    if (error instanceof InputError) return badInput(inputErrorText(error.key, error.value, ctx.locale)!, command, ctx);
    if (error instanceof StoreOpenError) {
      log.error({ err: error, command: command.name }, 'command needs the database, which cannot be opened');
      return errorReply('store_unavailable', t(ctx.locale, 'store.unavailable'), ctx.locale);
    }
    // The id ties the apology the user sees to the log line with the stack.
    const errorId = randomUUID().slice(0, 8);
    log.error({ err: error, errorId, command: command.name, args }, 'command failed');
    return errorReply('internal', t(ctx.locale, 'invoke.internal', { errorId }), ctx.locale);
  }
}
