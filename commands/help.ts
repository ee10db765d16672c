// /help: every command with its usage, in the reply's language.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import type { Reply } from '../src/reply.js';

const schema = z.object({});

const command: Command<typeof schema> = {
  name: 'help',
  description: { en: 'What SLM Radar can do', fr: 'Ce que sait faire SLM Radar' },
  usage: '/help',
  options: [],
  schema,
  async run(ctx): Promise<Reply> {
    const fr = ctx.locale === 'fr';
    const visible = ctx.commands.filter((c) => !c.adminOnly);
    return {
      title: fr ? 'SLM Radar — aide' : 'SLM Radar — help',
      summary: fr
        ? 'Petit (SLM) ou grand (LLM) modèle de langage ? SLM sous 7B paramètres, zone grise de 7 à 20B, LLM à partir de 20B ; une taille inconnue reste inconnue.'
        : 'Small (SLM) or large (LLM) language model? SLM below 7B parameters, borderline from 7B to 20B, LLM from 20B; an unknown count stays unknown.',
      fields: visible.map((c) => ({ name: c.usage, value: c.description[ctx.locale], inline: false })),
      notes: [],
      links: [],
      data: { commands: visible.map((c) => ({ name: c.name, usage: c.usage, description: c.description[ctx.locale] })) },
    };
  },
};

export default command;
