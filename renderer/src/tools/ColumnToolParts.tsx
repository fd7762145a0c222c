// What a column shows about tools, structured output and reasoning cost: tool calls as they stream
// (pretty once the arguments are complete JSON) with their validity, the structured-output check with a
// foldable JSON view, the reasoning share of tokens and cost, and the engine's capability warnings.
import type { ResponseRecord, ToolCallRecord } from '../../../shared/records';
import { reasoningCostShare } from '../../../shared/conversation';
import { formatUsd } from '../format/metrics';
import { useAppStore } from '../state/app-store';
import { JsonView } from './JsonView';
import { describeToolCall, prettyArguments } from './tool-call-view';
import { useToolsRunStore } from './tools-run-store';

export function ToolCallItem({ call }: { call: ToolCallRecord }) {
  const status = describeToolCall(call);
  return (
    <div className="tool-call" data-testid="column-tool-call" data-name={call.name} data-valid={status.valid === null ? undefined : String(status.valid)}>
      <div className="tool-call-head">
        <span className="tool-call-name mono">ƒ {call.name || '(unnamed tool)'}</span>
        {status.badge && (
          <span className={`badge ${status.valid ? 'badge-valid' : 'badge-invalid'}`} title={status.errors.join('\n') || undefined}>
            {status.badge}
          </span>
        )}
        {call.id && <span className="muted small mono">{call.id}</span>}
      </div>
      <pre>{prettyArguments(call.arguments)}</pre>
      {status.errors.length > 0 && (
        <ul className="tool-call-errors">
          {status.errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ToolCallList({ response }: { response: ResponseRecord }) {
  if (response.toolCalls.length === 0) return null;
  return (
    <div className="tool-calls" aria-label="Tool calls">
      {response.toolCalls.map((call) => (
        <ToolCallItem key={call.index} call={call} />
      ))}
    </div>
  );
}

export function StructuredOutput({ response }: { response: ResponseRecord }) {
  const check = response.structuredOutput;
  if (!check) return null;
  const first = check.errors[0];
  const valid = check.validJson && check.errors.length === 0;
  let parsed: unknown;
  let parses = false;
  try {
    parsed = JSON.parse(response.text);
    parses = true;
  } catch {
    parses = false;
  }
  const label = valid ? 'valid JSON' : !check.validJson ? 'not JSON' : `invalid at ${first?.path || '/'}`;
  return (
    <details className="structured-output" data-testid="column-structured" data-valid={String(valid)} open={parses}>
      <summary>
        <span className={`badge ${valid ? 'badge-valid' : 'badge-invalid'}`}>{label}</span>
        {first && <span className="small text-danger">{first.message}</span>}
        {check.errors.length > 1 && <span className="muted small">+{check.errors.length - 1} more</span>}
      </summary>
      {parses && (
        <div className="json-view" aria-label="The answer as JSON">
          <JsonView value={parsed} />
        </div>
      )}
    </details>
  );
}

export function ReasoningCost({ response }: { response: ResponseRecord }) {
  const pricing = useAppStore((state) => {
    const entry = state.models[response.connectionId];
    return entry?.status === 'ready' ? (entry.models.find((model) => model.id === response.modelAsked)?.pricing ?? null) : null;
  });
  const share = reasoningCostShare(response, pricing);
  if (!share) return null;
  const cost = share.usd === null ? 'cost unknown' : `${share.basis === 'share-of-cost' ? '≤ ' : ''}${formatUsd(share.usd)}`;
  return (
    <p className="muted small reasoning-cost" data-testid="column-reasoning-cost" title={share.basis === 'listed-price' ? 'Reasoning tokens × the listed price' : 'Share of output tokens × the response cost (an upper bound)'}>
      Reasoning: {share.reasoningTokens.toLocaleString()} tokens · {Math.round(share.shareOfCompletionTokens * 100)}% of output · {cost}
    </p>
  );
}

export function ColumnWarnings({ responseId }: { responseId: string }) {
  const warnings = useToolsRunStore((state) => state.warnings[responseId]);
  if (!warnings || warnings.length === 0) return null;
  return (
    <div className="row gap" role="status">
      {warnings.map((warning) => (
        <span key={warning.kind} className="badge badge-warn" title={warning.message} data-testid="column-warning" data-kind={warning.kind}>
          ⚠ {warningLabels[warning.kind]}
        </span>
      ))}
    </div>
  );
}

const warningLabels: Record<string, string> = {
  tools: 'no tool support',
  structuredOutput: 'no structured output',
  reasoning: 'no reasoning',
  reasoningBudget: 'no reasoning budget',
};
