// Deterministic text for answers and reasoning: the same prompt always streams the same tokens.
import type { ChatRequestBody, ChatRequestMessage } from './types';

const VOCABULARY = [
  'latency', 'stream', 'token', 'buffer', 'cache', 'router', 'model', 'prompt', 'answer', 'measure',
  'compare', 'render', 'batch', 'socket', 'schema', 'metric', 'window', 'budget', 'signal', 'vector',
  'context', 'provider', 'fallback', 'retry', 'frame', 'delta', 'summary', 'quality', 'cost', 'throughput',
];
// Real tokenizers split long words; pieces longer than this are cut.
const LONGEST_PIECE = 12;

/** FNV-1a: a stable 32-bit hash of the prompt, the seed of everything generated from it. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let position = 0; position < text.length; position++) {
    hash ^= text.charCodeAt(position);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32, a tiny seeded generator: Math.random would make answers differ between runs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export function messageText(message: ChatRequestMessage): string {
  const content = message.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
}

/** Every message's text, concatenated: the input of the prompt-token estimate. */
export function promptText(request: ChatRequestBody): string {
  return request.messages.map(messageText).join('');
}

/**
 * Splits text into token-like pieces (a word with its leading whitespace, like " need"), cutting long words.
 * Joining the pieces gives back the text exactly.
 */
export function splitIntoTokens(text: string): string[] {
  const pieces = text.match(/\s*\S+|\s+/g) ?? [];
  return pieces.flatMap((piece) => {
    const characters = Array.from(piece);
    if (characters.length <= LONGEST_PIECE) return [piece];
    const parts: string[] = [];
    for (let start = 0; start < characters.length; start += LONGEST_PIECE) {
      parts.push(characters.slice(start, start + LONGEST_PIECE).join(''));
    }
    return parts;
  });
}

/** Repeats (separated by a blank line) or truncates the text's tokens to exactly `count`. */
export function fitTokens(text: string, count: number): string[] {
  const once = splitIntoTokens(text);
  if (once.length === 0 || count <= 0) return [];
  const separator = splitIntoTokens('\n\n');
  const tokens = [...once];
  while (tokens.length < count) tokens.push(...separator, ...once);
  return tokens.slice(0, count);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function topicOf(request: ChatRequestBody): string {
  const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
  const words = (lastUser ? messageText(lastUser) : '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 6);
  return words.length > 0 ? capitalize(words.join(' ')) : 'Simulated answer';
}

// One markdown section: heading, paragraph, list and a ```ts block, so markdown rendering is exercised early.
function answerSection(pick: () => string, number: () => number, heading: string): string {
  const sentence = (length: number): string =>
    `${capitalize(Array.from({ length }, pick).join(' '))}.`;
  const functionName = `${pick()}${capitalize(pick())}`;
  return [
    `## ${heading}`,
    '',
    `${sentence(7)} ${sentence(5)}`,
    '',
    `- **${pick()}**: ${sentence(3)}`,
    `- **${pick()}**: ${sentence(3)}`,
    `- **${pick()}**: ${sentence(3)}`,
    '',
    '```ts',
    `export function ${functionName}(input: number): number {`,
    `  return input * ${number()};`,
    '}',
    '```',
  ].join('\n');
}

/** The default answer: markdown sections derived from the prompt until `count` tokens are reached. */
export function generatedAnswerTokens(request: ChatRequestBody, count: number): string[] {
  const random = seededRandom(hashText(promptText(request)));
  const pick = (): string => VOCABULARY[Math.floor(random() * VOCABULARY.length)] ?? 'token';
  const number = (): number => 2 + Math.floor(random() * 40);
  const tokens: string[] = [];
  let heading = topicOf(request);
  while (tokens.length < count) {
    const prefix = tokens.length === 0 ? '' : '\n\n';
    tokens.push(...splitIntoTokens(prefix + answerSection(pick, number, heading)));
    heading = `${capitalize(pick())} and ${pick()}`;
  }
  return tokens.slice(0, count);
}

/** Reasoning prose, deterministic per prompt, cut to `count` tokens. */
export function reasoningTextTokens(request: ChatRequestBody, count: number): string[] {
  const random = seededRandom(hashText(`reasoning:${promptText(request)}`));
  const pick = (): string => VOCABULARY[Math.floor(random() * VOCABULARY.length)] ?? 'token';
  const tokens: string[] = [];
  const openers = ['Let me think about', 'First, consider the', 'Next, check whether the', 'So the'];
  let sentence = 0;
  while (tokens.length < count) {
    const opener = openers[sentence % openers.length] ?? 'So the';
    const prefix = tokens.length === 0 ? '' : ' ';
    tokens.push(...splitIntoTokens(`${prefix}${opener} ${pick()} ${pick()} and the ${pick()}.`));
    sentence++;
  }
  return tokens.slice(0, count);
}
