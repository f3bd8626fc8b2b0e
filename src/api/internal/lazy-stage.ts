/**
 * A pipeline stage the API loads on first use. If loading fails, the requests that need it answer
 * 503 `unavailable` (naming the stage and the cause) and the rest of the API keeps working; the next
 * request tries again, so a transient failure does not stick.
 */
import { ApiError } from '../errors.js';

export function lazyStage<M>(stage: string, load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | null = null;
  return async () => {
    loading ??= load();
    try {
      return await loading;
    } catch (cause) {
      loading = null;
      throw new ApiError(503, 'unavailable', `the ${stage} stage could not be loaded: ${(cause as Error).message}`, { cause });
    }
  };
}
