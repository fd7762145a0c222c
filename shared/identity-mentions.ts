// Does an answer name a model or its vendor ("As Claude, ...", "I'm GPT-4", "trained by OpenAI")? In a
// blind review such an answer gives itself away, so the review flags it (without saying which name) and
// the user may void the vote. Whole words only, so "Gemini" matches but "llama" inside "dallama" does not.

/** Vendor and model-family names, as written in answers. Case-insensitive; spaces/hyphens in a name may vary. */
export const identityNames: readonly string[] = [
  // Vendors
  'OpenAI', 'Anthropic', 'Google DeepMind', 'DeepMind', 'Google AI', 'Meta AI', 'Mistral AI', 'xAI', 'DeepSeek',
  'Alibaba Cloud', 'Qwen', 'Moonshot AI', 'Zhipu', 'Cohere', 'AI21', 'Perplexity', 'Microsoft', 'NVIDIA',
  'Amazon', 'Baidu', 'Tencent', 'MiniMax', '01.AI', 'Reka', 'Inflection AI', 'Nous Research',
  // Models and families
  'ChatGPT', 'GPT-3', 'GPT-3.5', 'GPT-4', 'GPT-4o', 'GPT-4.1', 'GPT-5', 'GPT', 'o1', 'o3', 'o4-mini',
  'Claude', 'Sonnet', 'Opus', 'Haiku', 'Gemini', 'Gemma', 'Bard', 'PaLM', 'LLaMA', 'Llama 2', 'Llama 3',
  'Mistral', 'Mixtral', 'Codestral', 'Grok', 'Qwen2', 'Qwen3', 'QwQ', 'Kimi', 'GLM', 'ChatGLM', 'Command R',
  'Phi-3', 'Phi-4', 'Nemotron', 'Titan', 'Nova', 'ERNIE', 'Hunyuan', 'Yi', 'Jamba', 'Sonar', 'Pi', 'Hermes',
  'DBRX', 'Falcon', 'Vicuna', 'WizardLM', 'Copilot',
];

// Names that are also everyday words: flagged only in a self-introduction ("I am Nova", "as Titan").
// A flag is a hint for the user, not proof: "Claude Shannon" still flags, "perplexity" as a metric does not.
const ambiguousNames = new Set([
  'amazon', 'nova', 'titan', 'pi', 'yi', 'opus', 'haiku', 'sonnet', 'hermes', 'falcon', 'o1', 'o3', 'phi-3', 'phi-4',
  'sonar', 'copilot', 'microsoft', 'gpt', 'perplexity', 'cohere', 'glm', 'bard', 'grok', 'ernie', 'reka',
]);

function namePattern(name: string): string {
  // Escape, then let a space or hyphen in the name match either (or nothing: "GPT4", "Llama3").
  return name
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/[ -]/g, '[\\s-]?');
}

function compile(names: readonly string[], prefix: string): RegExp {
  const alternatives = [...names].sort((a, b) => b.length - a.length).map(namePattern).join('|');
  // Whole words, not part of a file name or identifier ("claude.md", "gpt_helper"); a version may follow ("DeepSeek-R1").
  return new RegExp(`${prefix}(?<![\\w.-])(?:${alternatives})(?!\\w|\\.\\w)`, 'iu');
}

const anywhere = compile(identityNames.filter((name) => !ambiguousNames.has(name.toLowerCase())), '');
const selfIntroduction = compile(
  identityNames.filter((name) => ambiguousNames.has(name.toLowerCase())),
  "(?:\\b(?:I am|I'm|I’m|as|called|named|am)\\s+(?:an?\\s+|the\\s+)?)",
);

/** True when text names a model or vendor (see identityNames). Pure; the blind review calls it per answer. */
export function mentionsIdentity(text: string): boolean {
  return anywhere.test(text) || selfIntroduction.test(text);
}
