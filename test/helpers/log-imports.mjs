// `node --import ./test/helpers/log-imports.mjs …`: appends every module URL the process resolves to
// the file named by LOG_IMPORTS_TO, so a test can check what a start-up loads.
import { register } from 'node:module';

const hook = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.LOG_IMPORTS_TO, result.url + '\\n');
  return result;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
