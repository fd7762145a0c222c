// JSON for the tools and schema editors without Monaco's JSON language service: in 0.57 its worker
// client pulls in every editor contribution (codelens, suggest, inlay hints...) after the services
// started, which fails with "depends on UNKNOWN service". The tokenizer alone (jsonc-parser's scanner)
// colours; syntax errors are marked by MonacoField from JSON.parse.
import { createTokenizationSupport } from 'monaco-editor/languages/features/json/tokenization';
import type { Monaco } from './monaco-setup';

export function registerJsonLanguage(monaco: Monaco): void {
  monaco.languages.register({ id: 'json', extensions: ['.json'], aliases: ['JSON'], mimetypes: ['application/json'] });
  monaco.languages.setTokensProvider('json', createTokenizationSupport(false));
  monaco.languages.setLanguageConfiguration('json', {
    brackets: [
      ['{', '}'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}', notIn: ['string'] },
      { open: '[', close: ']', notIn: ['string'] },
      { open: '"', close: '"', notIn: ['string'] },
    ],
    surroundingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '"', close: '"' },
    ],
  });
}
