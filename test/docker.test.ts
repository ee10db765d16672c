// No Docker engine runs here, so the Dockerfile and compose.yaml are checked against the repository:
// every path they copy or name exists (or is made by an earlier step), every command they run is one
// the project has, and the runtime stage holds only what the bot needs. build.test.ts runs the
// runtime stage's files and the HEALTHCHECK command for real.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES } from '../src/config.js';
import { STOP_TIMEOUT_MS } from '../src/adapters/discord.js';
import { argumentsOf, commandsOf, copiesOf, dockerfileStages, execForm, instructionsOf, ROOT, type Stage } from './helpers/dockerfile.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
const buildConfig = JSON.parse(read('tsconfig.build.json').replace(/^\s*\/\/.*$/gm, '')) as { compilerOptions: { outDir: string; rootDir: string }; include: string[] };
const stages = dockerfileStages();
const [builder, runtime] = stages;
const envOf = (stage: Stage) =>
  Object.fromEntries(instructionsOf(stage, 'ENV').flatMap((env) => argumentsOf(env).map((pair) => pair.split('=') as [string, string])));

/** `.dockerignore` rules in order (`*` within a segment, `**` across, `!` lets a path back in). */
const rules = read('.dockerignore')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const pattern = line.replace(/^!/, '');
    return { except: line.startsWith('!'), test: new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '.*')}(/|$)`) };
  });
/** Whether the build context leaves `path` out: the last rule that matches it decides, as Docker does. */
const ignored = (path: string) => rules.reduce((out, rule) => (rule.test.test(path) ? !rule.except : out), false);

/** The TypeScript file tsc compiles to `dist/<path>.js`, if the build includes it. */
function compiledFrom(distPath: string): string | undefined {
  const source = distPath.replace(new RegExp(`^${buildConfig.compilerOptions.outDir}/`), '').replace(/\.js$/, '.ts');
  const included = buildConfig.include.some((entry) => source === entry || source.startsWith(`${entry}/`));
  return included && existsSync(join(ROOT, source)) ? source : undefined;
}

describe('Dockerfile', () => {
  it('has a builder and a runtime stage, both on node:20-bookworm-slim', () => {
    expect(stages.map((s) => s.image)).toEqual(['node:20-bookworm-slim', 'node:20-bookworm-slim']);
    expect(builder.name).toBe('builder');
  });

  it('copies from the build context only files that exist and .dockerignore lets through', () => {
    for (const stage of stages) {
      for (const copy of copiesOf(stage).filter((c) => c.from === undefined)) {
        for (const source of copy.sources) {
          expect(existsSync(join(ROOT, source)), source).toBe(true);
          expect(ignored(source), `${source} is in .dockerignore`).toBe(false);
        }
      }
    }
  });

  it('.dockerignore keeps secrets, local builds and state out of the context', () => {
    for (const path of ['.env', 'node_modules', 'dist', '.git', 'data/slm-radar.sqlite', 'data/cache/sample-x.json', 'out/classify.png']) {
      expect(ignored(path), path).toBe(true);
    }
  });

  it('the builder installs the build tools, runs only scripts package.json has, and makes what the runtime copies', () => {
    const commands = commandsOf(builder);
    const apt = commands.find((c) => c[0] === 'apt-get' && c[1] === 'install')!;
    expect(apt).toEqual(expect.arrayContaining(['python3', 'make', 'g++']));
    for (const command of commands.filter((c) => c[0] === 'npm' && c[1] === 'run')) {
      expect(packageJson.scripts[command[2]], `npm run ${command[2]}`).toBeDefined();
    }
    expect(commands.some((c) => c.join(' ').startsWith('npm ci'))).toBe(true);
    expect(packageJson.scripts.build).toBe('tsc -p tsconfig.build.json');
    // Paths into node_modules the builder moves or prunes exist in an installed tree.
    for (const word of commands.flat().filter((w) => w.startsWith('node_modules/'))) {
      const path = word.replace(/\/$/, '');
      if (commands.some((c) => c[0] === 'mkdir' && c.includes(word))) continue; // made by the step itself
      expect(existsSync(join(ROOT, path)), path).toBe(true);
    }
    // Each `--from=builder` source is made in the builder: copied there, installed (npm ci) or compiled (npm run build).
    const workdir = argumentsOf(instructionsOf(builder, 'WORKDIR')[0])[0];
    const made = new Set([
      ...copiesOf(builder).flatMap((c) => c.sources.map((s) => `${workdir}/${s}`)),
      `${workdir}/node_modules`,
      `${workdir}/${buildConfig.compilerOptions.outDir}`,
    ]);
    for (const copy of copiesOf(runtime).filter((c) => c.from === 'builder')) {
      for (const source of copy.sources) expect(made.has(source), source).toBe(true);
    }
  });

  it('keeps exactly the chart fonts render-png.ts registers', () => {
    const registered = [...read('src/charts/render-png.ts').matchAll(/'(DejaVu[\w-]*\.ttf)'/g)].map((m) => m[1]);
    const find = commandsOf(builder).find((c) => c[0] === 'find' && c[1].includes('dejavu-fonts-ttf'))!;
    const kept = find.flatMap((word, i) => (find[i - 1] === '-name' ? [word] : []));
    expect(kept.sort()).toEqual(registered.sort());
    for (const font of kept) expect(existsSync(join(ROOT, find[1], font)), font).toBe(true);
  });

  it('the runtime stage holds production dependencies, dist/, data/ and nothing to build or test with', () => {
    expect(copiesOf(runtime).map((c) => c.destination).sort()).toEqual(['./', './data/reference', './data/snapshot', './dist', './node_modules']);
    const words = commandsOf(runtime).flat();
    for (const tool of ['apt-get', 'g++', 'make', 'python3', 'npm']) expect(words, tool).not.toContain(tool);
    expect(existsSync(join(ROOT, 'data/snapshot/models-2025-03.json'))).toBe(true);
  });

  it('runs as a non-root user, with DATA_DIR a volume and only variables the bot reads', () => {
    const user = argumentsOf(instructionsOf(runtime, 'USER').at(-1)!)[0];
    expect(['root', '0']).not.toContain(user);
    const env = envOf(runtime);
    for (const name of Object.keys(env).filter((n) => n !== 'NODE_ENV')) expect(CONFIG_VARIABLES, name).toContain(name);
    expect(argumentsOf(instructionsOf(runtime, 'VOLUME')[0])).toEqual([env.DATA_DIR]);
    expect(env.OUT_DIR.startsWith(`${env.DATA_DIR}/`)).toBe(true);
    expect(argumentsOf(instructionsOf(runtime, 'EXPOSE')[0])).toContain(env.HEALTH_PORT);
  });

  it('ENTRYPOINT runs node on the compiled entry point (no npm in between, so SIGTERM reaches the bot)', () => {
    const [command, script, ...rest] = execForm(instructionsOf(runtime, 'ENTRYPOINT')[0]);
    expect(command).toBe('node');
    expect(rest).toEqual([]);
    expect(compiledFrom(script)).toBe('main.ts');
    expect(instructionsOf(runtime, 'CMD')).toEqual([]);
  });

  it('HEALTHCHECK runs a compiled script of the project', () => {
    const healthcheck = instructionsOf(runtime, 'HEALTHCHECK')[0];
    const [command, script] = execForm(healthcheck);
    expect(command).toBe('node');
    expect(compiledFrom(script)).toBe('scripts/healthcheck.ts');
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as { services: Record<string, Record<string, any>>; volumes: Record<string, unknown> };
  const [name, service] = Object.entries(compose.services)[0];

  it('builds this image and reads its settings from .env (documented by .env.example)', () => {
    expect(Object.keys(compose.services)).toEqual([name]);
    expect(service.build).toBe('.');
    expect(service.env_file).toBe('.env');
    expect(existsSync(join(ROOT, '.env.example'))).toBe(true);
    expect(read('.gitignore').split('\n')).toContain('.env');
    expect(service.command).toBeUndefined(); // the image's ENTRYPOINT, not npm
  });

  it('keeps DATA_DIR on a named volume, restarts, forwards signals and gives the bot time to stop', () => {
    const [volume, target] = (service.volumes[0] as string).split(':');
    expect(target).toBe(envOf(runtime).DATA_DIR);
    expect(compose.volumes).toHaveProperty(volume);
    expect(['always', 'unless-stopped', 'on-failure']).toContain(service.restart);
    expect(service.init).toBe(true);
    expect(Number(/^(\d+)s$/.exec(service.stop_grace_period)![1]) * 1000).toBeGreaterThan(STOP_TIMEOUT_MS);
  });
});
