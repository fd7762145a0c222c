// Before a run: columns whose model the catalog says cannot do what the request asks. A warning, not a
// refusal: the catalog may be out of date, and comparing a model that ignores tools is itself a result.
import type { RunParams, RunTarget, RunWarning } from '../../../shared/records';
import type { ModelCatalog } from '../catalog/model-catalog';
import { acceptsReasoningBudget } from '../provider/quirks/map-reasoning-request';
import { describeModelAsked } from '../routing/resolve-model-on-connection';

export function capabilityWarnings(
  params: RunParams,
  targets: readonly RunTarget[],
  catalog: ModelCatalog,
  reasoningStyleOf: (connectionId: string) => Parameters<typeof acceptsReasoningBudget>[0],
): RunWarning[] {
  const warnings: RunWarning[] = [];
  const wantsTools = (params.tools?.length ?? 0) > 0 && params.toolChoice !== 'none';
  const wantsSchema = params.responseFormat?.type === 'json_schema';
  for (const [targetIndex, target] of targets.entries()) {
    const { model } = target;
    const add = (kind: RunWarning['kind'], message: string): void => {
      warnings.push({ targetIndex, model, kind, message });
    };
    const capabilities = describeModelAsked(model, catalog).catalogModel?.capabilities;
    if (capabilities && wantsTools && !capabilities.tools) {
      add('tools', `${model}: the catalog lists no tool calling for this model; it may ignore the tools or reject the request.`);
    }
    if (capabilities && wantsSchema && !capabilities.structuredOutput) {
      add('structuredOutput', `${model}: the catalog lists no structured outputs for this model; its answer may not follow the schema.`);
    }
    if (capabilities && params.reasoning && !capabilities.reasoning) {
      add('reasoning', `${model}: the catalog lists no reasoning for this model; the reasoning setting is likely ignored.`);
    }
    if (params.reasoning?.maxTokens !== undefined && !acceptsReasoningBudget(reasoningStyleOf(target.connectionId))) {
      add('reasoningBudget', `${model}: this connection takes a reasoning effort, not a token budget; reasoning.maxTokens is not sent.`);
    }
  }
  return warnings;
}
