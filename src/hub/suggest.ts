// "Did you mean" for repo ids a person typed: shared prefix, same owner, substring, then edit distance.

/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

const split = (id: string) => {
  const slash = id.indexOf('/');
  return slash < 0 ? { owner: '', name: id } : { owner: id.slice(0, slash), name: id.slice(slash + 1) };
};

/** Up to `limit` candidate ids closest to `typed`; unrelated ids are left out rather than padding the list. */
export function rankSuggestions(typed: string, candidates: Iterable<string>, limit = 5): string[] {
  const want = typed.trim().toLowerCase();
  if (want === '') return [];
  const wanted = split(want);
  const seen = new Set<string>();
  const scored: { id: string; key: number[] }[] = [];
  for (const id of candidates) {
    const lower = id.toLowerCase();
    if (seen.has(lower) || lower === want) continue;
    seen.add(lower);
    const got = split(lower);
    // Typed without an owner ("Mistral-7B"): the repo name alone can share the prefix.
    const prefix = lower.startsWith(want) || (wanted.owner === '' && got.name.startsWith(want));
    const sameOwner = wanted.owner !== '' && got.owner === wanted.owner;
    const substring = lower.includes(wanted.name) || (got.name.length >= 3 && wanted.name.includes(got.name));
    const distance = editDistance(want, lower);
    const close = distance <= Math.max(3, Math.floor(want.length * 0.4));
    if (!prefix && !sameOwner && !substring && !close) continue;
    scored.push({ id, key: [prefix ? 0 : 1, sameOwner ? 0 : 1, substring ? 0 : 1, distance] });
  }
  scored.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
    return a.id.localeCompare(b.id);
  });
  return scored.slice(0, limit).map((s) => s.id);
}
