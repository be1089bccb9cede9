/**
 * zero-trust-ai.config.json: policy as code. The zod schema is the single definition; the
 * TypeScript type, the shipped JSON Schema (config-schema.json) and validation all come from it.
 */
import { z } from 'zod';

const severity = z.enum(['error', 'warning', 'info', 'off']);

/** One entry of `rules`: a severity, or [severity] / [severity, options]. */
export const ruleSettingSchema = z.union([severity, z.tuple([severity]), z.tuple([severity, z.record(z.string(), z.unknown())])]);

/** An argument path into a call: "0" is the first argument, "0.messages" its `messages` property, "last" the last argument. */
const argPath = z.string().regex(/^(\d+|last)(\.[A-Za-z_$][\w$]*)*$/, 'an argument path like "0", "0.messages" or "last"');

/** A team's own wrapper, taught to the engine as a row of the same tables the frameworks use. */
export const customFrameworkRowSchema = z
  .object({
    kind: z.enum(['modelCall', 'tool', 'agent', 'client']).describe('What calling this creates.'),
    module: z
      .string()
      .describe('Import specifier the function comes from: a package name, or a path relative to the project root such as "./src/llm".'),
    name: z.string().describe('Exported name ("default" for a default export); for a method on a client, "Client.method.path".'),
    provider: z.string().optional().describe('Model provider, e.g. "openai".'),
    prompt: z.array(argPath).optional().describe('Arguments that carry model input (prompt, messages).'),
    system: z.array(argPath).optional().describe('Arguments that carry system or developer instructions.'),
    tools: argPath.optional().describe('Argument that carries the tools handed to the model or agent.'),
    toolName: argPath.optional(),
    schema: argPath.optional().describe('Argument that carries a tool input schema.'),
    execute: argPath.optional().describe('Argument that carries a tool execute function.'),
    apiKey: argPath.optional().describe('Argument that carries a client credential.'),
    defaultEnv: z.string().optional().describe('Env var the client reads when no key is passed.'),
  })
  .strict();

const calleeModule = z
  .string()
  .optional()
  .describe('Import specifier the function comes from: a package name, or a path relative to the project root such as "./src/lib/db". Without it, `name` is matched against the callee text.');
const calleeName = z
  .string()
  .regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, 'a name like "fetchInbox" or "db.rawQuery"')
  .describe('Exported name and member path ("rawQuery", "db.rawQuery", "Mailer.fetchInbox" for a method of an instance); without `module`, the callee as written or its last segment.');
const sourceKind = z.enum(['untrusted', 'sensitive', 'model-output']);
const sinkKind = z.enum(['shell', 'sql', 'code', 'html', 'redirect', 'network', 'filesystem']);

/** A function whose result is a source, as a row of the engine's data-flow tables. */
export const customSourceRowSchema = z
  .object({
    module: calleeModule,
    name: calleeName,
    kind: sourceKind.describe('untrusted: outside content (no-untrusted-instructions); sensitive: personal data or secrets (no-unredacted-prompts); model-output: text a model wrote (no-unsafe-model-output, no-unrestricted-egress).'),
    path: z
      .string()
      .regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, 'a property path like "data.body"')
      .optional()
      .describe('Property path in the result that holds the source (e.g. "data.body"); default the whole result.'),
  })
  .strict();

/** A function that is a dangerous operation on some arguments. */
export const customSinkRowSchema = z
  .object({
    module: calleeModule,
    name: calleeName,
    kind: sinkKind.describe('What the operation does with its arguments.'),
    args: z.array(z.number().int().min(0)).min(1).optional().describe('Indexes of the dangerous arguments (default [0]).'),
  })
  .strict();

/** A function whose result is safe. */
export const customSanitizerRowSchema = z
  .object({
    module: calleeModule,
    name: calleeName,
    for: z.array(z.union([sourceKind, sinkKind])).min(1).optional().describe('Source or sink kinds it makes safe (default: all).'),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z
      .record(z.string(), ruleSettingSchema)
      .optional()
      .describe('Per-rule severity ("error" | "warning" | "info" | "off"), optionally with options: ["warning", { ... }].'),
    redactors: z.array(z.string()).optional().describe('Extra function names that redact sensitive data (e.g. "redactPII", "privacy.scrub").'),
    loggers: z.array(z.string()).optional().describe('Extra function or object names that write structured audit logs (e.g. "audit.log", "auditEvent").'),
    allowListChecks: z.array(z.string()).optional().describe('Extra function names that check a value against an allow list (e.g. "assertAllowedHost").'),
    sensitiveFields: z.array(z.string()).optional().describe('Extra property or variable names that hold sensitive data (e.g. "taxId").'),
    approvedEgressHosts: z.array(z.string()).optional().describe('Hosts agents and tools may reach (e.g. "api.github.com", "*.internal.example.com").'),
    agentIdentities: z
      .record(z.string(), z.string())
      .optional()
      .describe('Declared identity per agent name: agent name -> credential env var or workload identity it must use.'),
    frameworks: z.array(customFrameworkRowSchema).optional().describe("Your own wrappers (an in-house callModel(), defineTool()) as rows of the engine's framework tables."),
    sources: z.array(customSourceRowSchema).optional().describe('Your own functions whose results are untrusted content, sensitive data or model output.'),
    sinks: z.array(customSinkRowSchema).optional().describe('Your own functions that run shell commands, SQL, code, HTML, redirects, requests or file operations on their arguments.'),
    sanitizers: z.array(customSanitizerRowSchema).optional().describe('Your own functions that make a value safe (a redactor, an HTML sanitizer, a URL allow-list filter).'),
    ignore: z.array(z.string()).optional().describe('Glob patterns of files to skip, relative to the project root.'),
  })
  .strict();

export type ZeroTrustConfig = z.infer<typeof configSchema>;
export type CustomFrameworkRow = z.infer<typeof customFrameworkRowSchema>;
export type CustomSourceRow = z.infer<typeof customSourceRowSchema>;
export type CustomSinkRow = z.infer<typeof customSinkRowSchema>;
export type CustomSanitizerRow = z.infer<typeof customSanitizerRowSchema>;
