// /help: the commands that work where it is typed, with their usage, in the reply's language.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { formatParameters } from '../src/format.js';
import { t, tAll } from '../src/i18n.js';
import type { Reply } from '../src/reply.js';

const schema = z.object({});

const command: Command<typeof schema> = {
  name: 'help',
  description: tAll('commands.help.description'),
  usage: '/help',
  options: [],
  schema,
  async run(ctx): Promise<Reply> {
    // Settings commands are hidden from those who cannot use them (Discord hides them too); in the
    // console, commands that need a channel are only named, with where to type them.
    const inChannel = ctx.place !== undefined;
    const visible = ctx.commands.filter((c) => !c.adminOnly && (inChannel || !c.needsChannel));
    const channelOnly = ctx.commands.filter((c) => c.needsChannel);
    const names = (list: typeof channelOnly) => list.map((c) => `/${c.name}`).join(', ');
    const slm = formatParameters(ctx.config.SLM_BELOW_B * 1e9, ctx.locale);
    const llm = formatParameters(ctx.config.LLM_FROM_B * 1e9, ctx.locale);
    return {
      title: t(ctx.locale, 'help.title'),
      summary: t(ctx.locale, 'help.summary', { slm, llm }),
      fields: visible.map((c) => ({ name: c.usage, value: c.description[ctx.locale], inline: false })),
      notes:
        !inChannel && channelOnly.length
          ? [t(ctx.locale, 'help.channelOnly', { admin: names(channelOnly.filter((c) => c.adminOnly)), anyone: names(channelOnly.filter((c) => !c.adminOnly)) })]
          : [],
      links: [],
      data: { commands: visible.map((c) => ({ name: c.name, usage: c.usage, description: c.description[ctx.locale] })) },
    };
  },
};

export default command;
