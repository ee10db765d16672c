// @huggingface/hub, imported on the first request that uses it: an offline console start never loads it.
type HubLibrary = typeof import('@huggingface/hub');

let loaded: HubLibrary | undefined;

export async function hubLibrary(): Promise<HubLibrary> {
  return (loaded ??= await import('@huggingface/hub'));
}

/** The HTTP status of the library's HubApiError (which can only exist once the library is loaded). */
export function hubApiStatus(err: unknown): number | undefined {
  return loaded && err instanceof loaded.HubApiError ? err.statusCode : undefined;
}
