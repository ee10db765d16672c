// The Dockerfile read with dockerfile-ast, in the shapes the tests check: stages, their COPYs, the
// shell commands of their RUNs, and exec-form commands (ENTRYPOINT, HEALTHCHECK CMD).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, type Copy, type Instruction } from 'dockerfile-ast';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

export interface CopyStep {
  /** The stage it copies from (`--from=builder`), or undefined for the build context. */
  from?: string;
  sources: string[];
  destination: string;
}

export function dockerfileStages(path = join(ROOT, 'Dockerfile')): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of DockerfileParser.parse(readFileSync(path, 'utf8')).getInstructions()) {
    const args = instruction.getArguments().map((a) => a.getValue());
    if (instruction.getKeyword() === 'FROM') stages.push({ image: args[0], name: args[2], instructions: [] });
    else stages.at(-1)!.instructions.push(instruction);
  }
  return stages;
}

export const instructionsOf = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.getKeyword() === keyword);

export const argumentsOf = (instruction: Instruction) => instruction.getArguments().map((a) => a.getValue());

export function copiesOf(stage: Stage): CopyStep[] {
  return instructionsOf(stage, 'COPY').map((instruction) => {
    const args = argumentsOf(instruction);
    return { from: (instruction as Copy).getFromFlag()?.getValue() ?? undefined, sources: args.slice(0, -1), destination: args.at(-1)! };
  });
}

/** Each RUN's shell commands (split at `&&`), as words. */
export function commandsOf(stage: Stage): string[][] {
  return instructionsOf(stage, 'RUN').flatMap((run) => {
    const commands: string[][] = [[]];
    for (const word of argumentsOf(run)) {
      if (word === '&&') commands.push([]);
      else commands.at(-1)!.push(word);
    }
    return commands;
  });
}

/** The JSON array of an exec-form instruction: `ENTRYPOINT ["node", "x.js"]`, `HEALTHCHECK … CMD ["node", "y.js"]`. */
export function execForm(instruction: Instruction): string[] {
  const content = instruction.getArgumentsContent() ?? '';
  return JSON.parse(content.slice(content.indexOf('['))) as string[];
}
