// Mistral validates request bodies strictly: stream_options makes it answer 422
// ("extra inputs are not permitted"), and it sends usage in the last chunk without being asked.
import type { ChatBody } from './request-quirks';

export function dropStreamOptions(body: ChatBody): ChatBody {
  if (body.stream_options === undefined) return body;
  const { stream_options: _streamOptions, ...rest } = body;
  return rest as ChatBody;
}
