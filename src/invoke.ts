// The one path every request takes: find the command, validate its options, run it, and turn
// any failure into a Reply. Adapters (console, Discord, Slack, digest) only call `invoke`.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Command, CommandContext } from './command.js';
import { StoreOpenError } from './digest/store.js';
import { t } from './i18n.js';
import type { Logger } from './log.js';
import { INPUT_ERRORS, InputError, quoted, tooLong } from './options.js';
import { errorReply, type Reply } from './reply.js';

export type RawArgs = Record<string, string | number | boolean | undefined>;

export function findCommand(commands: readonly Command[], name: string): Command | undefined {
  const wanted = name.trim().replace(/^\//, '').toLowerCase();
  return commands.find((c) => c.name === wanted);
}

/** What was wrong, then what to type instead: the command's usage. */
function badInput(sentence: string, command: Command, ctx: CommandContext): Reply {
  return errorReply('bad_input', `${sentence} ${ctx.locale === 'fr' ? 'Tapez' : 'Type'} \`${command.usage}\``, ctx.locale);
}

/** The sentence for the first problem zod found. */
function inputProblem(issues: z.core.$ZodIssue[], args: RawArgs, ctx: CommandContext): string {
  const issue = issues[0];
  const option = String(issue.path[0] ?? '');
  const value = args[option] === undefined ? '' : String(args[option]);
  return (
    INPUT_ERRORS[issue.message]?.(value, ctx.locale) ??
    (ctx.locale === 'fr' ? `L’option ${option} ${quoted(value)} n’est pas valable.` : `The option ${option} ${quoted(value)} is not valid.`)
  );
}

export async function invoke(commands: readonly Command[], name: string, args: RawArgs, ctx: CommandContext, log: Logger): Promise<Reply> {
  const command = findCommand(commands, name);
  if (!command) {
    const typed = quoted(name.slice(0, 40));
    return errorReply(
      'unknown_command',
      ctx.locale === 'fr' ? `Commande inconnue ${typed}. Tapez /help pour voir les commandes.` : `Unknown command ${typed}. Type /help to see the commands.`,
      ctx.locale,
    );
  }
  // Bounds before any work: a huge value would cost parsing, searching and echoing.
  if (args._tooLong !== undefined || tooLong(args)) return badInput(INPUT_ERRORS.too_long('', ctx.locale), command, ctx);
  if (args._extra !== undefined) return badInput(INPUT_ERRORS.extra(String(args._extra), ctx.locale), command, ctx);
  const parsed = command.schema.safeParse(args);
  if (!parsed.success) return badInput(inputProblem(parsed.error.issues, args, ctx), command, ctx);
  try {
    return await command.run(ctx, parsed.data);
  } catch (error) {
    if (error instanceof InputError) return badInput(INPUT_ERRORS[error.key](error.value, ctx.locale), command, ctx);
    if (error instanceof StoreOpenError) {
      log.error({ err: error, command: command.name }, 'command needs the database, which cannot be opened');
      return errorReply('store_unavailable', t(ctx.locale, 'store.unavailable'), ctx.locale);
    }
    // The id ties the apology the user sees to the log line with the stack.
    const errorId = randomUUID().slice(0, 8);
    log.error({ err: error, errorId, command: command.name, args }, 'command failed');
    return errorReply(
      'internal',
      ctx.locale === 'fr'
        ? `Désolé, quelque chose s’est mal passé (erreur ${errorId}). Réessayez dans un instant.`
        : `Sorry, something went wrong (error ${errorId}). Please try again in a moment.`,
      ctx.locale,
    );
  }
}
