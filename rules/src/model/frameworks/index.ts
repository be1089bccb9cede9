/**
 * The framework tables. Each one is data only: adding a framework means adding a table here,
 * never touching a rule. Shapes were checked against each SDK's published API.
 */
import type { FrameworkTable, ImportRef } from './table.js';

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
];

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
      ...[OPENAI, OPENAI_NAMED, AZURE_OPENAI].flatMap((c) => [
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['chat', 'completions', 'create'] }, prompt: ['0.messages'], tools: '0.tools', model: '0.model', output: true },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['chat', 'completions', 'parse'] }, prompt: ['0.messages'], tools: '0.tools', model: '0.model', output: true },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['chat', 'completions', 'stream'] }, prompt: ['0.messages'], tools: '0.tools', model: '0.model', output: true },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['chat', 'completions', 'runTools'] }, prompt: ['0.messages'], tools: '0.tools', model: '0.model', output: true },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['beta', 'chat', 'completions', 'parse'] }, prompt: ['0.messages'], tools: '0.tools', model: '0.model', output: true },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['beta', 'chat', 'completions', 'stream'] }, prompt: ['0.messages'], tools: '0.tools', model: '0.model', output: true },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['responses', 'create'] }, prompt: ['0.input'], system: ['0.instructions'], tools: '0.tools', model: '0.model', output: true },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['responses', 'parse'] }, prompt: ['0.input'], system: ['0.instructions'], tools: '0.tools', model: '0.model', output: true },
        { kind: 'modelCall' as const, on: { rowFrom: c, method: ['responses', 'stream'] }, prompt: ['0.input'], system: ['0.instructions'], tools: '0.tools', model: '0.model', output: true },
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
      { kind: 'agent', from: OPENAI_AGENT, construct: 'new', name: '0.name', instructions: ['0.instructions'], tools: '0.tools', model: '0.model', handoffs: '0.handoffs', mcpServers: '0.mcpServers', provider: 'openai' },
      { kind: 'agent', from: OPENAI_AGENT, construct: 'call', staticMethod: 'create', name: '0.name', instructions: ['0.instructions'], tools: '0.tools', model: '0.model', handoffs: '0.handoffs', mcpServers: '0.mcpServers', provider: 'openai' },
      { kind: 'tool', from: { module: ['@openai/agents', '@openai/agents-core'], export: 'tool' }, construct: 'call', name: '0.name', description: '0.description', schema: '0.parameters', execute: '0.execute' },
      { kind: 'modelCall', from: { module: ['@openai/agents', '@openai/agents-core'], export: 'run' }, prompt: ['1'], runsAgent: '0', output: true },
      { kind: 'modelCall', on: { rowFrom: { module: ['@openai/agents', '@openai/agents-core'], export: 'Runner' }, method: ['run'] }, prompt: ['1'], runsAgent: '0', output: true },
      { kind: 'client', from: { module: ['@openai/agents', '@openai/agents-openai'], export: 'OpenAIProvider' }, construct: 'new', provider: 'openai', apiKey: '0.apiKey', defaultEnv: ['OPENAI_API_KEY'] },
      { kind: 'client', from: { module: ['@openai/agents', '@openai/agents-openai'], export: 'setDefaultOpenAIKey' }, construct: 'call', provider: 'openai', apiKey: '0' },
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
      })),
      ...['embed', 'embedMany'].map((fn) => ({ kind: 'modelCall' as const, from: { module: 'ai', export: fn }, prompt: ['0.value', '0.values'], model: '0.model', telemetry: '0.experimental_telemetry' })),
      { kind: 'tool', from: { module: 'ai', export: 'tool' }, construct: 'call', description: '0.description', schema: '0.inputSchema|0.parameters', execute: '0.execute' },
      { kind: 'tool', from: { module: 'ai', export: 'dynamicTool' }, construct: 'call', description: '0.description', schema: '0.inputSchema|0.parameters', execute: '0.execute' },
      ...AI_AGENT.map((ref) => ({ kind: 'agent' as const, from: ref, construct: 'new' as const, name: '0.name', instructions: ['0.system', '0.instructions'], tools: '0.tools', model: '0.model' })),
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
      { kind: 'client', from: ANTHROPIC, construct: 'new', provider: 'anthropic', apiKey: '0.apiKey', defaultEnv: ['ANTHROPIC_API_KEY'] },
      { kind: 'client', from: ANTHROPIC_NAMED, construct: 'new', provider: 'anthropic', apiKey: '0.apiKey', defaultEnv: ['ANTHROPIC_API_KEY'] },
      ...[ANTHROPIC, ANTHROPIC_NAMED].flatMap((c) =>
        [['messages', 'create'], ['messages', 'stream'], ['messages', 'parse'], ['beta', 'messages', 'create'], ['beta', 'messages', 'stream'], ['beta', 'messages', 'toolRunner']].map((method) => ({
          kind: 'modelCall' as const,
          on: { rowFrom: c, method },
          prompt: ['0.messages'],
          system: ['0.system'],
          tools: '0.tools',
          model: '0.model',
          output: true,
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
      })),
      { kind: 'client', from: { module: ['langchain/chat_models/universal', 'langchain'], export: 'initChatModel' }, construct: 'call', provider: 'langchain', apiKey: '1.apiKey' },
      ...langchainModelRefs.flatMap((ref) =>
        ['invoke', 'stream', 'batch', 'call', 'predict', 'generate', 'streamEvents'].map((m) => ({
          kind: 'modelCall' as const,
          on: { rowFrom: ref, method: [m] },
          prompt: ['0'],
          output: true,
        })),
      ),
      ...['invoke', 'stream', 'batch'].map((m) => ({ kind: 'modelCall' as const, on: { rowFrom: { module: ['langchain/chat_models/universal', 'langchain'], export: 'initChatModel' }, method: [m] }, prompt: ['0'], output: true })),
      ...langchainModelRefs.flatMap((ref) =>
        ['embedQuery', 'embedDocuments'].map((m) => ({ kind: 'modelCall' as const, on: { rowFrom: ref, method: [m] }, prompt: ['0'] })),
      ),
      { kind: 'tool', from: { module: ['@langchain/core/tools', 'langchain/tools', 'langchain'], export: 'tool' }, construct: 'call', execute: '0', name: '1.name', description: '1.description', schema: '1.schema' },
      { kind: 'tool', from: { module: ['@langchain/core/tools', 'langchain/tools'], export: 'DynamicStructuredTool' }, construct: 'new', execute: '0.func', name: '0.name', description: '0.description', schema: '0.schema' },
      { kind: 'tool', from: { module: ['@langchain/core/tools', 'langchain/tools'], export: 'DynamicTool' }, construct: 'new', execute: '0.func', name: '0.name', description: '0.description' },
      {
        kind: 'agent',
        from: { module: ['@langchain/langgraph/prebuilt'], export: 'createReactAgent' },
        construct: 'call',
        name: '0.name',
        instructions: ['0.prompt', '0.stateModifier', '0.messageModifier'],
        tools: '0.tools',
        model: '0.llm|0.model',
      },
      { kind: 'agent', from: { module: ['langchain'], export: 'createAgent' }, construct: 'call', name: '0.name', instructions: ['0.systemPrompt', '0.prompt'], tools: '0.tools', model: '0.model|0.llm' },
      { kind: 'agent', from: { module: ['langchain/agents'], export: 'createToolCallingAgent' }, construct: 'call', instructions: ['0.prompt'], tools: '0.tools', model: '0.llm' },
      { kind: 'agent', from: { module: ['langchain/agents'], export: 'createOpenAIToolsAgent' }, construct: 'call', instructions: ['0.prompt'], tools: '0.tools', model: '0.llm' },
      { kind: 'agent', from: { module: ['langchain/agents'], export: 'AgentExecutor' }, construct: 'new', tools: '0.tools', model: '0.agent' },
      ...[
        { module: ['@langchain/langgraph/prebuilt'], export: 'createReactAgent' },
        { module: ['langchain'], export: 'createAgent' },
        { module: ['langchain/agents'], export: 'AgentExecutor' },
      ].flatMap((ref) => ['invoke', 'stream', 'streamEvents'].map((m) => ({ kind: 'modelCall' as const, on: { rowFrom: ref, method: [m] }, prompt: ['0.messages', '0.input', '0'], runsAgent: 'self', output: true }))),
    ],
  },
  {
    id: 'mcp',
    name: 'Model Context Protocol SDK',
    packages: ['@modelcontextprotocol/sdk'],
    rows: [
      { kind: 'agent', from: MCP_SERVER, construct: 'new', name: '0.name', isToolServer: true },
      { kind: 'agent', from: MCP_LOW_SERVER, construct: 'new', name: '0.name', isToolServer: true },
      { kind: 'tool', on: { rowFrom: MCP_SERVER, method: ['registerTool'] }, construct: 'call', name: '0', description: '1.description', schema: '1.inputSchema', execute: 'last' },
      // server.tool(name, [description], [paramsSchema], [annotations], callback): the schema is the first object argument.
      { kind: 'tool', on: { rowFrom: MCP_SERVER, method: ['tool'] }, construct: 'call', name: '0', description: '1', schema: '1|2', execute: 'last' },
      { kind: 'tool', on: { rowFrom: MCP_LOW_SERVER, method: ['setRequestHandler'] }, construct: 'call', name: '0', execute: 'last' },
    ],
  },
  {
    id: 'mastra',
    name: 'Mastra',
    packages: ['@mastra/core'],
    rows: [
      { kind: 'agent', from: MASTRA_AGENT, construct: 'new', name: '0.name|0.id', instructions: ['0.instructions'], tools: '0.tools', model: '0.model' },
      ...['generate', 'stream', 'generateVNext', 'streamVNext', 'generateLegacy', 'streamLegacy'].map((m) => ({
        kind: 'modelCall' as const,
        on: { rowFrom: MASTRA_AGENT, method: [m] },
        prompt: ['0'],
        system: ['1.instructions', '1.system'],
        telemetry: '1.telemetry',
        output: true,
      })),
      { kind: 'tool', from: { module: ['@mastra/core/tools', '@mastra/core'], export: 'createTool' }, construct: 'call', name: '0.id', description: '0.description', schema: '0.inputSchema', execute: '0.execute' },
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
      })),
      { kind: 'modelCall', on: { rowFrom: GOOGLE_GENAI, method: ['models', 'embedContent'] }, prompt: ['0.contents'], model: '0.model' },
      ...['sendMessage', 'sendMessageStream'].map((m) => ({
        kind: 'modelCall' as const,
        on: { rowFrom: GOOGLE_GENAI, method: ['chats', 'create', '()', m] },
        prompt: ['0.message', '0'],
        output: true,
      })),
      { kind: 'client', from: GOOGLE_GENERATIVE_AI, construct: 'new', provider: 'google', apiKey: '0', defaultEnv: [] },
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
