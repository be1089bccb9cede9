/**
 * The framework tables. Each one is data only: adding a framework means adding a table here,
 * never touching a rule. Shapes were checked against each SDK's published API.
 */
import type { FrameworkTable, ImportRef, ToolSpecRow } from './table.js';

const OPENAI: ImportRef = { module: 'openai', export: 'default' };
const OPENAI_NAMED: ImportRef = { module: 'openai', export: 'OpenAI' };
const AZURE_OPENAI: ImportRef = { module: 'openai', export: 'AzureOpenAI' };
const ANTHROPIC: ImportRef = { module: '@anthropic-ai/sdk', export: 'default' };
const ANTHROPIC_NAMED: ImportRef = { module: '@anthropic-ai/sdk', export: 'Anthropic' };
const GOOGLE_GENAI: ImportRef = { module: '@google/genai', export: 'GoogleGenAI' };
const GOOGLE_GENERATIVE_AI: ImportRef = { module: '@google/generative-ai', export: 'GoogleGenerativeAI' };
const MCP_SERVER: ImportRef = { module: ['@modelcontextprotocol/sdk/server/mcp.js', '@modelcontextprotocol/sdk/server/mcp'], export: 'McpServer' };
const MCP_LOW_SERVER: ImportRef = { module: ['@modelcontextprotocol/sdk/server/index.js', '@modelcontextprotocol/sdk/server/index'], export: 'Server' };
const MASTRA_AGENT: ImportRef = { module: ['@mastra/core/agent', '@mastra/core'], export: 'Agent' };
const OPENAI_AGENT: ImportRef = { module: ['@openai/agents', '@openai/agents-core'], export: 'Agent' };
const AI_AGENT: ImportRef[] = [
  { module: 'ai', export: 'Experimental_Agent' },
  { module: 'ai', export: 'Agent' },
  { module: 'ai', export: 'ToolLoopAgent' },
];

/** LangChain chat models: [export, module, apiKey option, default env]. */
const LANGCHAIN_CHAT_MODELS: Array<[string, string, string, string[], string]> = [
  ['ChatOpenAI', '@langchain/openai', '0.apiKey|0.openAIApiKey|0.configuration.apiKey', ['OPENAI_API_KEY'], 'openai'],
  ['AzureChatOpenAI', '@langchain/openai', '0.azureOpenAIApiKey|0.apiKey', ['AZURE_OPENAI_API_KEY'], 'azure-openai'],
  ['OpenAI', '@langchain/openai', '0.apiKey|0.openAIApiKey', ['OPENAI_API_KEY'], 'openai'],
  ['OpenAIEmbeddings', '@langchain/openai', '0.apiKey|0.openAIApiKey', ['OPENAI_API_KEY'], 'openai'],
  ['ChatAnthropic', '@langchain/anthropic', '0.apiKey|0.anthropicApiKey', ['ANTHROPIC_API_KEY'], 'anthropic'],
  ['ChatGoogleGenerativeAI', '@langchain/google-genai', '0.apiKey', ['GOOGLE_API_KEY'], 'google'],
  ['ChatVertexAI', '@langchain/google-vertexai', '0.apiKey', [], 'google'],
  ['ChatMistralAI', '@langchain/mistralai', '0.apiKey', ['MISTRAL_API_KEY'], 'mistral'],
  ['ChatGroq', '@langchain/groq', '0.apiKey', ['GROQ_API_KEY'], 'groq'],
  ['ChatCohere', '@langchain/cohere', '0.apiKey', ['COHERE_API_KEY'], 'cohere'],
  ['ChatXAI', '@langchain/xai', '0.apiKey', ['XAI_API_KEY'], 'xai'],
  ['ChatDeepSeek', '@langchain/deepseek', '0.apiKey', ['DEEPSEEK_API_KEY'], 'deepseek'],
  ['ChatOllama', '@langchain/ollama', '', [], 'ollama'],
  ['ChatBedrockConverse', '@langchain/aws', '', [], 'bedrock'],
];

/** Vercel AI SDK providers: [module, factory, default instance, default env, provider]. */
const AI_SDK_PROVIDERS: Array<[string, string, string, string[], string]> = [
  ['@ai-sdk/openai', 'createOpenAI', 'openai', ['OPENAI_API_KEY'], 'openai'],
  ['@ai-sdk/anthropic', 'createAnthropic', 'anthropic', ['ANTHROPIC_API_KEY'], 'anthropic'],
  ['@ai-sdk/google', 'createGoogleGenerativeAI', 'google', ['GOOGLE_GENERATIVE_AI_API_KEY'], 'google'],
  ['@ai-sdk/azure', 'createAzure', 'azure', ['AZURE_API_KEY'], 'azure-openai'],
  ['@ai-sdk/mistral', 'createMistral', 'mistral', ['MISTRAL_API_KEY'], 'mistral'],
  ['@ai-sdk/groq', 'createGroq', 'groq', ['GROQ_API_KEY'], 'groq'],
  ['@ai-sdk/xai', 'createXai', 'xai', ['XAI_API_KEY'], 'xai'],
  ['@ai-sdk/deepseek', 'createDeepSeek', 'deepseek', ['DEEPSEEK_API_KEY'], 'deepseek'],
  ['@ai-sdk/cohere', 'createCohere', 'cohere', ['COHERE_API_KEY'], 'cohere'],
  ['@ai-sdk/openai-compatible', 'createOpenAICompatible', '', [], 'openai-compatible'],
  ['@openrouter/ai-sdk-provider', 'createOpenRouter', 'openrouter', ['OPENROUTER_API_KEY'], 'openrouter'],
  ['@ai-sdk/gateway', 'createGateway', 'gateway', ['AI_GATEWAY_API_KEY'], 'gateway'],
  ['@ai-sdk/togetherai', 'createTogetherAI', 'togetherai', ['TOGETHER_AI_API_KEY'], 'togetherai'],
  ['@ai-sdk/fireworks', 'createFireworks', 'fireworks', ['FIREWORKS_API_KEY'], 'fireworks'],
  ['@ai-sdk/perplexity', 'createPerplexity', 'perplexity', ['PERPLEXITY_API_KEY'], 'perplexity'],
  ['@ai-sdk/cerebras', 'createCerebras', 'cerebras', ['CEREBRAS_API_KEY'], 'cerebras'],
];

/**
 * The env var each provider's SDK reads by default, by the provider prefix of a model string
 * ("openai/gpt-4o" in Mastra, "anthropic:claude-sonnet-4" in LangChain's createAgent).
 */
export const PROVIDER_DEFAULT_ENV: Record<string, string[]> = {
  ...Object.fromEntries(AI_SDK_PROVIDERS.filter(([, , instance]) => instance).map(([, , instance, env]) => [instance, env])),
  'google-genai': ['GOOGLE_API_KEY'],
  'azure-openai': ['AZURE_OPENAI_API_KEY'],
};

/** Model-name prefixes for strings without a provider prefix (LangChain infers the provider from them). */
const MODEL_NAME_PROVIDERS: Array<[RegExp, string]> = [
  [/^(gpt-|o\d|chatgpt|text-embedding|davinci)/, 'openai'],
  [/^claude/, 'anthropic'],
  [/^gemini/, 'google'],
  [/^(mistral|mixtral|codestral|open-mistral)/, 'mistral'],
  [/^command/, 'cohere'],
  [/^grok/, 'xai'],
  [/^deepseek/, 'deepseek'],
];

/** The provider a model string names: "openai/gpt-4o" and "gpt-4o" -> "openai", "anthropic:claude-3-5" -> "anthropic". */
export function providerOfModelString(model: string): string | undefined {
  const prefix = /^([\w.-]+)[/:]/.exec(model)?.[1].toLowerCase();
  return prefix ?? MODEL_NAME_PROVIDERS.find(([re]) => re.test(model))?.[1];
}

/** The default env var for a model string such as "openai/gpt-4o", "anthropic:claude-3-5" or "gpt-4o". */
export function defaultEnvOfModelString(model: string): string[] {
  const provider = providerOfModelString(model);
  if (!provider) return [];
  return PROVIDER_DEFAULT_ENV[provider] ?? [`${provider.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}_API_KEY`];
}

/** Where hand-dispatched tool calls keep the model's arguments (see ModelCallRow.toolCalls). */
const OPENAI_CHAT_TOOL_CALLS = ['choices.message.tool_calls.function.arguments', 'choices.message.tool_calls.function.parsed_arguments'];
const GEMINI_TOOL_CALLS = ['functionCalls.args', 'candidates.content.parts.functionCall.args'];

/** Tools declared as plain JSON specs, per API (see ModelCallRow.toolSpec). */
const OPENAI_CHAT_TOOL_SPEC: ToolSpecRow = { kind: 'tool', construct: 'spec', types: ['function'], name: 'function.name', description: 'function.description', schema: 'function.parameters', callName: 'function.name', callArguments: 'function.arguments' };
const OPENAI_RESPONSES_TOOL_SPEC: ToolSpecRow = { kind: 'tool', construct: 'spec', types: ['function'], name: 'name', description: 'description', schema: 'parameters', callName: 'name', callArguments: 'arguments' };
// Anthropic's own tools (`bash_20250124`, `web_search_20250305`) carry a versioned `type`; client tools have none or `custom`.
const ANTHROPIC_TOOL_SPEC: ToolSpecRow = { kind: 'tool', construct: 'spec', types: ['custom'], name: 'name', description: 'description', schema: 'input_schema', callName: 'name', callArguments: 'input' };
const GEMINI_TOOL_SPEC: ToolSpecRow = { kind: 'tool', construct: 'spec', list: 'functionDeclarations', name: 'name', description: 'description', schema: 'parameters|parametersJsonSchema', callName: 'name', callArguments: 'args' };

const langchainModelRefs: ImportRef[] = LANGCHAIN_CHAT_MODELS.map(([exp, mod]) => ({ module: mod, export: exp }));

export const FRAMEWORKS: FrameworkTable[] = [
  {
    id: 'openai',
    name: 'OpenAI SDK',
    packages: ['openai'],
    rows: [
      { kind: 'client', from: OPENAI, construct: 'new', provider: 'openai', apiKey: '0.apiKey', defaultEnv: ['OPENAI_API_KEY'] },
      { kind: 'client', from: OPENAI_NAMED, construct: 'new', provider: 'openai', apiKey: '0.apiKey', defaultEnv: ['OPENAI_API_KEY'] },
      { kind: 'client', from: AZURE_OPENAI, construct: 'new', provider: 'azure-openai', apiKey: '0.apiKey', defaultEnv: ['AZURE_OPENAI_API_KEY'] },
      // openai v3: `new OpenAIApi(new Configuration({ apiKey }))`, no default env var.
      { kind: 'client', from: { module: 'openai', export: 'Configuration' }, construct: 'new', provider: 'openai', apiKey: '0.apiKey' },
      // zodFunction({ name, parameters, function }) for `chat.completions.runTools`, which parses the arguments with the schema.
      ...['zodFunction', 'zodResponsesFunction'].map((fn) => ({
        kind: 'tool' as const,
        from: { module: ['openai/helpers/zod', 'openai/helpers/zod.js'], export: fn },
        construct: 'call' as const,
        name: '0.name',
        description: '0.description',
        schema: '0.parameters',
        execute: '0.function',
      })),
      ...[OPENAI, OPENAI_NAMED, AZURE_OPENAI].flatMap((c) => [
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['chat', 'completions', 'create'] }, prompt: ['0.messages'], tools: '0.tools', model: '0.model', output: true, toolCalls: OPENAI_CHAT_TOOL_CALLS, toolSpec: OPENAI_CHAT_TOOL_SPEC },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['chat', 'completions', 'parse'] }, prompt: ['0.messages'], tools: '0.tools', model: '0.model', output: true, toolCalls: OPENAI_CHAT_TOOL_CALLS, outputSchema: '0.response_format', toolSpec: OPENAI_CHAT_TOOL_SPEC },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['chat', 'completions', 'stream'] }, prompt: ['0.messages'], tools: '0.tools', model: '0.model', output: true, toolSpec: OPENAI_CHAT_TOOL_SPEC },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['chat', 'completions', 'runTools'] }, prompt: ['0.messages'], tools: '0.tools', model: '0.model', output: true },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['beta', 'chat', 'completions', 'parse'] }, prompt: ['0.messages'], tools: '0.tools', model: '0.model', output: true, toolCalls: OPENAI_CHAT_TOOL_CALLS, outputSchema: '0.response_format', toolSpec: OPENAI_CHAT_TOOL_SPEC },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['beta', 'chat', 'completions', 'stream'] }, prompt: ['0.messages'], tools: '0.tools', model: '0.model', output: true, toolSpec: OPENAI_CHAT_TOOL_SPEC },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['responses', 'create'] }, prompt: ['0.input'], system: ['0.instructions'], tools: '0.tools', model: '0.model', output: true, toolCalls: ['output.arguments', 'output.parsed_arguments', 'output.input'], toolSpec: OPENAI_RESPONSES_TOOL_SPEC },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['responses', 'parse'] }, prompt: ['0.input'], system: ['0.instructions'], tools: '0.tools', model: '0.model', output: true, toolCalls: ['output.arguments', 'output.parsed_arguments', 'output.input'], outputSchema: '0.text.format', toolSpec: OPENAI_RESPONSES_TOOL_SPEC },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['responses', 'stream'] }, prompt: ['0.input'], system: ['0.instructions'], tools: '0.tools', model: '0.model', output: true, toolSpec: OPENAI_RESPONSES_TOOL_SPEC },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['completions', 'create'] }, prompt: ['0.prompt'], model: '0.model', output: true },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['embeddings', 'create'] }, prompt: ['0.input'], model: '0.model' },
      ]),
    ],
  },
  {
    id: 'openai-agents',
    name: 'OpenAI Agents SDK',
    packages: ['@openai/agents', '@openai/agents-core', '@openai/agents-openai'],
    rows: [
      // A model given by name (or none: the SDK's default model) runs on the default OpenAI key.
      { kind: 'agent', from: OPENAI_AGENT, construct: 'new', name: '0.name', instructions: ['0.instructions'], tools: '0.tools', model: '0.model', handoffs: '0.handoffs', mcpServers: '0.mcpServers', provider: 'openai', modelStringEnv: ['OPENAI_API_KEY'] },
      { kind: 'agent', from: OPENAI_AGENT, construct: 'call', staticMethod: 'create', name: '0.name', instructions: ['0.instructions'], tools: '0.tools', model: '0.model', handoffs: '0.handoffs', mcpServers: '0.mcpServers', provider: 'openai', modelStringEnv: ['OPENAI_API_KEY'] },
      { kind: 'tool', from: { module: ['@openai/agents', '@openai/agents-core'], export: 'tool' }, construct: 'call', name: '0.name', description: '0.description', schema: '0.parameters', execute: '0.execute' },
      { kind: 'modelCall', from: { module: ['@openai/agents', '@openai/agents-core'], export: 'run' }, prompt: ['1'], runsAgent: '0', output: true, context: '2.context' },
      { kind: 'modelCall', on: { rowFrom: { module: ['@openai/agents', '@openai/agents-core'], export: 'Runner' }, method: ['run'] }, prompt: ['1'], runsAgent: '0', output: true, context: '2.context' },
      // A model provider handed to a Runner: the key its agents use when they bring no model object.
      { kind: 'client', from: { module: ['@openai/agents', '@openai/agents-openai'], export: 'OpenAIProvider' }, construct: 'new', provider: 'openai', apiKey: '0.apiKey|0.openAIClient', defaultEnv: ['OPENAI_API_KEY'], setsDefault: true },
      { kind: 'client', from: { module: ['@openai/agents', '@openai/agents-openai'], export: 'setDefaultOpenAIKey' }, construct: 'call', provider: 'openai', apiKey: '0', setsDefault: true },
      { kind: 'client', from: { module: ['@openai/agents', '@openai/agents-openai'], export: 'setDefaultOpenAIClient' }, construct: 'call', provider: 'openai', apiKey: '0', setsDefault: true },
      { kind: 'agent', from: { module: ['@openai/agents', '@openai/agents-core'], export: 'MCPServerStdio' }, construct: 'new', name: '0.name', isToolServer: true },
      { kind: 'agent', from: { module: ['@openai/agents', '@openai/agents-core'], export: 'MCPServerStreamableHttp' }, construct: 'new', name: '0.name', isToolServer: true },
    ],
  },
  {
    id: 'ai-sdk',
    name: 'Vercel AI SDK',
    packages: ['ai', ...AI_SDK_PROVIDERS.map(([m]) => m)],
    rows: [
      ...['generateText', 'streamText', 'generateObject', 'streamObject'].map((fn) => ({
        kind: 'modelCall' as const,
        from: { module: 'ai', export: fn },
        prompt: ['0.prompt', '0.messages'],
        system: ['0.system'],
        tools: '0.tools',
        model: '0.model',
        telemetry: '0.experimental_telemetry',
        output: true,
        outputSchema: '0.schema',
        // Tools declared without `execute` come back for the caller to run.
        toolCalls: ['toolCalls.input', 'toolCalls.args', 'steps.toolCalls.input', 'steps.toolCalls.args'],
      })),
      ...['embed', 'embedMany'].map((fn) => ({ kind: 'modelCall' as const, from: { module: 'ai', export: fn }, prompt: ['0.value', '0.values'], model: '0.model', telemetry: '0.experimental_telemetry' })),
      { kind: 'tool', from: { module: 'ai', export: 'tool' }, construct: 'call', description: '0.description', schema: '0.inputSchema|0.parameters', execute: '0.execute' },
      { kind: 'tool', from: { module: 'ai', export: 'dynamicTool' }, construct: 'call', description: '0.description', schema: '0.inputSchema|0.parameters', execute: '0.execute' },
      // A model id string ("openai/gpt-4o") goes through the Vercel AI Gateway.
      ...AI_AGENT.map((ref) => ({ kind: 'agent' as const, from: ref, construct: 'new' as const, name: '0.name|0.id', instructions: ['0.system', '0.instructions'], tools: '0.tools', model: '0.model', modelStringEnv: ['AI_GATEWAY_API_KEY'] })),
      ...AI_AGENT.flatMap((ref) => ['generate', 'stream'].map((m) => ({ kind: 'modelCall' as const, on: { rowFrom: ref, method: [m] }, prompt: ['0.prompt', '0.messages'], output: true }))),
      ...AI_SDK_PROVIDERS.flatMap(([module, factory, instance, env, provider]) => [
        { kind: 'client' as const, from: { module, export: factory }, construct: 'call' as const, provider, apiKey: '0.apiKey', defaultEnv: env },
        ...(instance ? [{ kind: 'client' as const, from: { module, export: instance }, construct: 'call' as const, provider, defaultEnv: env, isDefaultInstance: true }] : []),
      ]),
    ],
  },
  {
    id: 'anthropic',
    name: 'Anthropic SDK',
    packages: ['@anthropic-ai/sdk'],
    rows: [
      // `authToken` (ANTHROPIC_AUTH_TOKEN) is the bearer-token alternative to `apiKey`.
      { kind: 'client', from: ANTHROPIC, construct: 'new', provider: 'anthropic', apiKey: '0.apiKey|0.authToken', defaultEnv: ['ANTHROPIC_API_KEY'] },
      { kind: 'client', from: ANTHROPIC_NAMED, construct: 'new', provider: 'anthropic', apiKey: '0.apiKey|0.authToken', defaultEnv: ['ANTHROPIC_API_KEY'] },
      ...[ANTHROPIC, ANTHROPIC_NAMED].flatMap((c) =>
        [['messages', 'create'], ['messages', 'stream'], ['messages', 'parse'], ['beta', 'messages', 'create'], ['beta', 'messages', 'stream'], ['beta', 'messages', 'toolRunner']].map((method) => ({
          kind: 'modelCall' as const,
          on: { rowFrom: c, method },
          prompt: ['0.messages'],
          system: ['0.system'],
          tools: '0.tools',
          model: '0.model',
          output: true,
          toolCalls: ['content.input'],
          outputSchema: '0.output_format',
          toolSpec: ANTHROPIC_TOOL_SPEC,
        })),
      ),
      ...[ANTHROPIC, ANTHROPIC_NAMED].map((c) => ({ kind: 'modelCall' as const, on: { rowFrom: c, method: ['completions', 'create'] }, prompt: ['0.prompt'], model: '0.model', output: true })),
      ...['betaZodTool', 'betaTool'].map((fn) => ({
        kind: 'tool' as const,
        from: { module: ['@anthropic-ai/sdk/helpers/beta/zod', '@anthropic-ai/sdk/helpers/beta/json-schema', '@anthropic-ai/sdk/helpers/zod'], export: fn },
        construct: 'call' as const,
        name: '0.name',
        description: '0.description',
        schema: '0.inputSchema|0.input_schema',
        execute: '0.run',
      })),
    ],
  },
  {
    id: 'langchain',
    name: 'LangChain.js / LangGraph.js',
    packages: ['langchain', '@langchain/core', '@langchain/langgraph', ...new Set(LANGCHAIN_CHAT_MODELS.map(([, m]) => m))],
    rows: [
      ...LANGCHAIN_CHAT_MODELS.map(([exp, module, apiKey, env, provider]) => ({
        kind: 'client' as const,
        from: { module, export: exp },
        construct: 'new' as const,
        provider,
        apiKey: apiKey || undefined,
        defaultEnv: env,
        embeddingsOnly: exp.endsWith('Embeddings') || undefined,
      })),
      { kind: 'client', from: { module: ['langchain/chat_models/universal', 'langchain'], export: 'initChatModel' }, construct: 'call', provider: 'langchain', apiKey: '1.apiKey', modelArg: '0' },
      ...langchainModelRefs.flatMap((ref) =>
        ['invoke', 'stream', 'batch', 'call', 'predict', 'generate', 'streamEvents'].map((m) => ({
          kind: 'modelCall' as const,
          on: { rowFrom: ref, method: [m] },
          prompt: ['0'],
          output: true,
          toolCalls: ['tool_calls.args'],
        })),
      ),
      // model.withStructuredOutput(schema).invoke(...), model.bindTools(tools).stream(...): a derived runnable calls the same model.
      ...langchainModelRefs.flatMap((ref) =>
        ['withStructuredOutput', 'bindTools', 'bind', 'withConfig', 'withRetry', 'withFallbacks'].flatMap((derive) =>
          ['invoke', 'stream', 'batch', 'streamEvents'].map((m) => ({
            kind: 'modelCall' as const,
            on: { rowFrom: ref, method: [derive, '()', m] },
            prompt: ['0'],
            output: true,
            ...(derive === 'bindTools' ? { toolCalls: ['tool_calls.args'] } : {}),
          })),
        ),
      ),
      ...['invoke', 'stream', 'batch'].map((m) => ({ kind: 'modelCall' as const, on: { rowFrom: { module: ['langchain/chat_models/universal', 'langchain'], export: 'initChatModel' }, method: [m] }, prompt: ['0'], output: true })),
      ...langchainModelRefs.flatMap((ref) =>
        ['embedQuery', 'embedDocuments'].map((m) => ({ kind: 'modelCall' as const, on: { rowFrom: ref, method: [m] }, prompt: ['0'] })),
      ),
      { kind: 'tool', from: { module: ['@langchain/core/tools', 'langchain/tools', 'langchain'], export: 'tool' }, construct: 'call', execute: '0', name: '1.name', description: '1.description', schema: '1.schema' },
      { kind: 'tool', from: { module: ['@langchain/core/tools', 'langchain/tools'], export: 'DynamicStructuredTool' }, construct: 'new', execute: '0.func', name: '0.name', description: '0.description', schema: '0.schema' },
      { kind: 'tool', from: { module: ['@langchain/core/tools', 'langchain/tools'], export: 'DynamicTool' }, construct: 'new', execute: '0.func', name: '0.name', description: '0.description' },
      // class Shell extends StructuredTool { name = 'shell'; schema = z.object(...); async _call(input) {...} }
      { kind: 'tool', from: { module: ['@langchain/core/tools', 'langchain/tools'], export: 'StructuredTool' }, construct: 'extends', execute: '_call', name: 'name', description: 'description', schema: 'schema' },
      // class Search extends Tool { async _call(input: string) {...} }: one free-form string.
      { kind: 'tool', from: { module: ['@langchain/core/tools', 'langchain/tools'], export: 'Tool' }, construct: 'extends', execute: '_call', name: 'name', description: 'description' },
      // class Shell extends DynamicTool { constructor() { super({ name, func }) } }
      { kind: 'tool', from: { module: ['@langchain/core/tools', 'langchain/tools'], export: 'DynamicTool' }, construct: 'extends', execute: '0.func|_call', name: '0.name|name', description: '0.description|description' },
      { kind: 'tool', from: { module: ['@langchain/core/tools', 'langchain/tools'], export: 'DynamicStructuredTool' }, construct: 'extends', execute: '0.func|_call', name: '0.name|name', description: '0.description|description', schema: '0.schema|schema' },
      {
        kind: 'agent',
        from: { module: ['@langchain/langgraph/prebuilt'], export: 'createReactAgent' },
        construct: 'call',
        name: '0.name',
        instructions: ['0.prompt', '0.stateModifier', '0.messageModifier'],
        tools: '0.tools',
        model: '0.llm|0.model',
      },
      { kind: 'agent', from: { module: ['langchain'], export: 'createAgent' }, construct: 'call', name: '0.name', instructions: ['0.systemPrompt', '0.prompt'], tools: '0.tools', model: '0.model|0.llm', modelStringEnv: 'by-provider' },
      { kind: 'agent', from: { module: ['langchain/agents'], export: 'createToolCallingAgent' }, construct: 'call', instructions: ['0.prompt'], tools: '0.tools', model: '0.llm' },
      { kind: 'agent', from: { module: ['langchain/agents'], export: 'createOpenAIToolsAgent' }, construct: 'call', instructions: ['0.prompt'], tools: '0.tools', model: '0.llm' },
      { kind: 'agent', from: { module: ['langchain/agents'], export: 'AgentExecutor' }, construct: 'new', tools: '0.tools', model: '0.agent' },
      ...[
        { module: ['@langchain/langgraph/prebuilt'], export: 'createReactAgent' },
        { module: ['langchain'], export: 'createAgent' },
        { module: ['langchain/agents'], export: 'AgentExecutor' },
      ].flatMap((ref) => ['invoke', 'stream', 'streamEvents'].map((m) => ({ kind: 'modelCall' as const, on: { rowFrom: ref, method: [m] }, prompt: ['0.messages', '0.input', '0'], runsAgent: 'self', output: true, thread: '1.configurable.thread_id' }))),
    ],
  },
  {
    id: 'mcp',
    name: 'Model Context Protocol SDK',
    packages: ['@modelcontextprotocol/sdk'],
    rows: [
      { kind: 'agent', from: MCP_SERVER, construct: 'new', name: '0.name', isToolServer: true },
      { kind: 'agent', from: MCP_LOW_SERVER, construct: 'new', name: '0.name', isToolServer: true },
      { kind: 'tool', on: { rowFrom: MCP_SERVER, method: ['registerTool'] }, construct: 'call', name: '0', description: '1.description', schema: '1.inputSchema', execute: 'last', inputNeedsSchema: true },
      // server.tool(name, [description], [paramsSchema], [annotations], callback): the schema is the first object argument.
      { kind: 'tool', on: { rowFrom: MCP_SERVER, method: ['tool'] }, construct: 'call', name: '0', description: '1', schema: '1|2', execute: 'last', inputNeedsSchema: true },
      // The low-level server's tools/call handler: the model's arguments are `request.params.arguments`.
      {
        kind: 'tool',
        on: { rowFrom: MCP_LOW_SERVER, method: ['setRequestHandler'] },
        construct: 'call',
        execute: 'last',
        input: '0.params.arguments',
        when: { arg: '0', is: { module: ['@modelcontextprotocol/sdk/types.js', '@modelcontextprotocol/sdk/types'], export: 'CallToolRequestSchema' } },
      },
    ],
  },
  {
    id: 'mastra',
    name: 'Mastra',
    packages: ['@mastra/core'],
    rows: [
      // `model: "openai/gpt-4o"` goes through Mastra's model router, which reads the provider's env var.
      { kind: 'agent', from: MASTRA_AGENT, construct: 'new', name: '0.name|0.id', instructions: ['0.instructions'], tools: '0.tools', model: '0.model', modelStringEnv: 'by-provider' },
      ...['generate', 'stream', 'generateVNext', 'streamVNext', 'generateLegacy', 'streamLegacy'].map((m) => ({
        kind: 'modelCall' as const,
        on: { rowFrom: MASTRA_AGENT, method: [m] },
        prompt: ['0'],
        system: ['1.instructions', '1.system'],
        telemetry: '1.telemetry',
        output: true,
        outputSchema: '1.output|1.structuredOutput.schema|1.experimental_output',
        context: '1.requestContext|1.runtimeContext',
        thread: '1.memory.thread.id|1.memory.thread|1.threadId',
      })),
      // execute({ context }) before Mastra 1.0, execute(inputData, context) since.
      { kind: 'tool', from: { module: ['@mastra/core/tools', '@mastra/core'], export: 'createTool' }, construct: 'call', name: '0.id', description: '0.description', schema: '0.inputSchema', execute: '0.execute', input: '0.context|0' },
    ],
  },
  {
    id: 'google-genai',
    name: 'Google Gen AI SDK',
    packages: ['@google/genai', '@google/generative-ai'],
    rows: [
      { kind: 'client', from: GOOGLE_GENAI, construct: 'new', provider: 'google', apiKey: '0.apiKey', defaultEnv: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'] },
      ...['generateContent', 'generateContentStream'].map((m) => ({
        kind: 'modelCall' as const,
        on: { rowFrom: GOOGLE_GENAI, method: ['models', m] },
        prompt: ['0.contents'],
        system: ['0.config.systemInstruction'],
        tools: '0.config.tools',
        model: '0.model',
        output: true,
        toolCalls: GEMINI_TOOL_CALLS,
        toolSpec: GEMINI_TOOL_SPEC,
      })),
      { kind: 'modelCall', on: { rowFrom: GOOGLE_GENAI, method: ['models', 'embedContent'] }, prompt: ['0.contents'], model: '0.model' },
      { kind: 'modelCall', on: { rowFrom: GOOGLE_GENAI, method: ['chats', 'create'] }, prompt: ['0.history'], system: ['0.config.systemInstruction'], tools: '0.config.tools', model: '0.model', session: true, toolSpec: GEMINI_TOOL_SPEC },
      ...['sendMessage', 'sendMessageStream'].map((m) => ({
        kind: 'modelCall' as const,
        on: { rowFrom: GOOGLE_GENAI, method: ['chats', 'create', '()', m] },
        prompt: ['0.message', '0'],
        output: true,
        toolCalls: GEMINI_TOOL_CALLS,
      })),
      { kind: 'client', from: GOOGLE_GENERATIVE_AI, construct: 'new', provider: 'google', apiKey: '0', defaultEnv: [] },
      // getGenerativeModel({ model, systemInstruction }) fixes the instructions for the calls made on it.
      { kind: 'modelCall', on: { rowFrom: GOOGLE_GENERATIVE_AI, method: ['getGenerativeModel'] }, system: ['0.systemInstruction'], model: '0.model', session: true },
      ...['generateContent', 'generateContentStream', 'startChat', 'sendMessage'].map((m) => ({
        kind: 'modelCall' as const,
        on: { rowFrom: GOOGLE_GENERATIVE_AI, method: ['getGenerativeModel', '()', m] },
        prompt: ['0'],
        output: m !== 'startChat',
      })),
    ],
  },
];

export function frameworkById(id: string): FrameworkTable | undefined {
  return FRAMEWORKS.find((f) => f.id === id);
}
