// Groq streams sent usage only inside x_groq.usage on the last chunk (before it supported
// stream_options.include_usage); read it there when the standard field is missing.
import type { WireUsage } from '../convert-usage';

export interface GroqChunk {
  x_groq?: { usage?: WireUsage | null } | null;
}

export function groqUsage(chunk: GroqChunk): WireUsage | undefined {
  return chunk.x_groq?.usage ?? undefined;
}
