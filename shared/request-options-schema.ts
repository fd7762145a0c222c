// Input schemas for a run's request options (tools, tool choice, response format, reasoning) and a
// column's conversation, kept beside the contract so contract.ts stays a list of methods.
// Structure only: whether a `parameters` or response schema is itself a valid JSON Schema is checked
// with ajv on the Node side (electron/engine/validation), because ajv compiles to code and the
// renderer's CSP forbids eval.
import { z } from 'zod';
import type { ConversationMessage, ReasoningOptions, ResponseFormat, ToolChoice, ToolDefinition } from './records';

export const MAX_TOOLS = 128;
export const MAX_CONVERSATION_MESSAGES = 200;

// OpenAI's rule for tool and response-format names.
const functionName = z
  .string()
  .regex(/^[a-zA-Z0-9_-]{1,64}$/, 'expected 1 to 64 letters, digits, underscores or dashes');

const jsonSchemaObject = z.record(z.string(), z.unknown());

export const toolDefinitionSchema = z
  .object({
    type: z.literal('function', { error: 'expected "function"' }),
    function: z
      .object({
        name: functionName,
        description: z.string().max(10_000).optional(),
        parameters: jsonSchemaObject
          .refine((schema) => schema.type === 'object', 'expected a JSON Schema with "type": "object" at its root (the arguments are an object)')
          .optional(),
        strict: z.boolean().optional(),
      })
      .strict(),
  })
  .strict() satisfies z.ZodType<ToolDefinition>;

export const toolsSchema = z
  .array(toolDefinitionSchema)
  .max(MAX_TOOLS, `expected at most ${MAX_TOOLS} tools`)
  .superRefine((tools, context) => {
    const seen = new Set<string>();
    for (const [index, tool] of tools.entries()) {
      if (seen.has(tool.function.name)) {
        context.addIssue({ code: 'custom', path: [index, 'function', 'name'], message: `duplicate tool name "${tool.function.name}"` });
      }
      seen.add(tool.function.name);
    }
  });

export const toolChoiceSchema = z.union([
  z.enum(['auto', 'none', 'required']),
  z.object({ name: functionName }).strict(),
]) satisfies z.ZodType<ToolChoice>;

export const responseFormatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('json_schema'), name: functionName, schema: jsonSchemaObject, strict: z.boolean().optional() }).strict(),
  z.object({ type: z.literal('json_object') }).strict(),
]) satisfies z.ZodType<ResponseFormat>;

export const reasoningOptionsSchema = z
  .object({
    effort: z.enum(['low', 'medium', 'high']).optional(),
    maxTokens: z.number().int('expected a whole number').min(1).max(1_000_000).optional(),
    exclude: z.boolean().optional(),
  })
  .strict()
  .refine((options) => (options.effort === undefined) !== (options.maxTokens === undefined), {
    message: 'expected either effort or maxTokens (one of the two)',
  }) satisfies z.ZodType<ReasoningOptions>;

const toolCallId = z.string().min(1, 'expected a tool call id').max(200);

export const conversationMessageSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('user'), content: z.string() }).strict(),
  z
    .object({
      role: z.literal('assistant'),
      content: z.string().nullable(),
      toolCalls: z.array(z.object({ id: toolCallId, name: functionName, arguments: z.string() }).strict()).max(MAX_TOOLS).optional(),
    })
    .strict(),
  z.object({ role: z.literal('tool'), toolCallId, content: z.string() }).strict(),
]) satisfies z.ZodType<ConversationMessage>;

/** A column's earlier conversation: every tool message answers a call of an earlier assistant message, once. */
export const conversationSchema = z
  .array(conversationMessageSchema)
  .max(MAX_CONVERSATION_MESSAGES, `expected at most ${MAX_CONVERSATION_MESSAGES} messages`)
  .superRefine((messages, context) => {
    const open = new Set<string>();
    for (const [index, message] of messages.entries()) {
      if (message.role === 'assistant') for (const call of message.toolCalls ?? []) open.add(call.id);
      if (message.role !== 'tool') continue;
      if (!open.has(message.toolCallId)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'toolCallId'],
          message: `no earlier assistant tool call with id "${message.toolCallId}" is waiting for a result`,
        });
      }
      open.delete(message.toolCallId);
    }
  });
