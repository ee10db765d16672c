// Chart configs travel twice: drawn here by Chart.js, and sent inside a QuickChart URL. Only plain
// JSON survives the URL, so anything else (callbacks, class instances, NaN) is refused loudly here
// instead of rendering differently in the two places.

/** Throws if `value` holds anything JSON cannot carry unchanged: functions, symbols, bigints, non-finite numbers, non-plain objects. */
export function assertPlainJson(value: unknown, path = 'config'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || value === undefined) return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path} is ${value}; chart configs must be plain JSON (use null for a gap)`);
    return;
  }
  if (typeof value !== 'object') {
    throw new TypeError(`${path} is a ${typeof value}; chart configs must be plain JSON so the QuickChart URL carries everything`);
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertPlainJson(item, `${path}[${i}]`));
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`${path} is a ${proto?.constructor?.name ?? 'non-plain'} object; chart configs must be plain JSON`);
  }
  for (const [key, item] of Object.entries(value)) assertPlainJson(item, `${path}.${key}`);
}
