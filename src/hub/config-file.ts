// A model repo's config.json, read with @huggingface/hub's downloadFile: what the parameter count
// estimate of a model without a published count is computed from (src/core/config-size.ts).
import { hubApiStatus, hubLibrary } from './library.js';
import { isObject } from './records.js';

export interface ConfigFileOptions {
  hubUrl: string;
  accessToken?: string;
  /** The client's Hub fetch (createHubFetch), so the timeout and retry policy applies. */
  fetch: typeof fetch;
}

/**
 * The parsed config.json of a model repo, or undefined when the repo or the file does not exist,
 * is gated, or is not a JSON object. Throws when the Hub cannot be reached (HubError).
 */
export async function downloadModelConfig(id: string, options: ConfigFileOptions): Promise<Record<string, unknown> | undefined> {
  const hubUrl = options.hubUrl.replace(/\/+$/, '');
  const { downloadFile } = await hubLibrary();
  try {
    const blob = await downloadFile({
      repo: id,
      path: 'config.json',
      hubUrl,
      accessToken: options.accessToken,
      fetch: options.fetch,
      // Given where the file is, the library reads it in one GET instead of first asking for its size
      // (config.json is a small file in git, never Xet storage).
      downloadInfo: { url: `${hubUrl}/${id}/resolve/main/config.json`, size: 0, etag: '' },
    });
    if (!blob) return undefined;
    const parsed: unknown = JSON.parse(await blob.text());
    return isObject(parsed) ? parsed : undefined;
  } catch (err) {
    // 404: no such repo or file; 401/403: gated or private.
    if ([401, 403, 404].includes(hubApiStatus(err) ?? 0)) return undefined;
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
}
