/**
 * What the server and its clients agree on beyond standard LSP: settings, custom requests and
 * notifications, and the data attached to diagnostics. The VS Code extension imports this file;
 * other editors only need the settings shape (passed as initializationOptions or answered to
 * workspace/configuration).
 */
// Types only: the server and the client each bundle their own copy of the protocol library.
import type { Range } from 'vscode-languageserver-protocol';
import type { Inventory } from '../../rules/src/inventory/types.js';

export type {
  AgentItem, CapabilityUse, CredentialItem, EgressItem, FindingRef, GraphNode, Inventory, Kpi, Location, McpServerItem, MemoryItem,
  ModelCallItem, ModelItem, RetrievalItem, ToolItem,
} from '../../rules/src/inventory/types.js';

export const SERVER_NAME = 'zero-trust-ai';
/** `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'zero-trust-ai';
/** Code action kind of "fix all safe fixes" (`editor.codeActionsOnSave: { "source.fixAll.zero-trust-ai": "explicit" }`). */
export const FIX_ALL_KIND = 'source.fixAll.zero-trust-ai';
/** Settings section: `zeroTrustAi.enable`, `zeroTrustAi.rules`, ... */
export const SETTINGS_SECTION = 'zeroTrustAi';

export type SettingsSeverity = 'error' | 'warning' | 'info' | 'off';

/** Per workspace folder (resource scope), typed once; package.json `contributes.configuration` documents the same keys. */
export interface Settings {
  /** Analyze this folder at all. */
  enable: boolean;
  /** Severity overrides by rule id; they win over the folder's config file. */
  rules: Record<string, SettingsSeverity>;
  /** Config file to use instead of discovering zero-trust-ai.config.json or package.json `zeroTrustAi` (relative to the folder). */
  configPath: string;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, configPath: '' };

export interface InitializationOptions {
  /** Settings for clients that do not answer workspace/configuration (most standalone setups). */
  settings?: Partial<Settings>;
  /**
   * Whether the workspace is trusted (VS Code Workspace Trust). When false the server reads no
   * config from the workspace (config files, configPath): it analyzes with the default policy and
   * user-level rule settings only. Standalone clients are trusted unless they say otherwise.
   */
  trusted?: boolean;
}

/** A text edit addressed to a file, in LSP coordinates of the analyzed text. */
export interface FileTextEdit {
  uri: string;
  range: Range;
  newText: string;
}

export interface FixData {
  title: string;
  /** 'fix' is safe for fix-all; 'suggestion' needs a human; 'suppress' adds a suppression comment. */
  kind: 'fix' | 'suggestion' | 'suppress';
  edits: FileTextEdit[];
}

/** `Diagnostic.data` of every finding: what code actions need, resolved without another analysis. */
export interface DiagnosticData {
  ruleId: string;
  /** Document version the positions refer to (null for files not open in the editor). */
  version: number | null;
  fixes: FixData[];
}

export type AnalysisState = 'starting' | 'loading' | 'analyzing' | 'idle' | 'disabled';

export interface StatusParams {
  state: AnalysisState;
  /** Findings currently published, over all files. */
  findings: number;
  /** Files with findings. */
  files: number;
  /** Source files the server holds, over all folders. */
  loadedFiles: number;
  /** Human-readable detail, e.g. a config error. */
  message?: string;
}


export interface ScanResult {
  /** Files analyzed. */
  scannedFiles: number;
  filesWithFindings: number;
  findings: number;
  cancelled: boolean;
  durationMs: number;
}


export interface ServerStats {
  rssBytes: number;
  heapUsedBytes: number;
  loadedFiles: number;
  analyses: number;
}

/** The AI inventory of one workspace folder, with its trust-boundary map drawn as Mermaid text. */
export interface FolderInventory {
  /** The folder's URI; inventory locations are files relative to `inventory.root`. */
  uri: string;
  name: string;
  inventory: Inventory;
  /** Mermaid flowchart of `inventory.graph`, and the Mermaid node id of each graph node (for clicks). */
  mermaid: { text: string; nodeIds: Record<string, string> };
  /** Findings over the folder, as published. */
  findings: number;
  /** Each KPI in words, as the CLI says it (`3 of 6 (50%)`), and whether it is fully met. */
  kpiText: Record<string, { value: string; met: boolean }>;
}

export interface InventoryResult {
  folders: FolderInventory[];
  /** Files analyzed to build it. */
  analyzedFiles: number;
  durationMs: number;
}

/** Custom messages; each side wraps them in its library's NotificationType / RequestType. */
export const Methods = {
  /** Notification server -> client: StatusParams. */
  status: 'zeroTrustAi/status',
  /** Request client -> server: analyzes every file of every folder and publishes all diagnostics; work-done progress, cancellable. Result: ScanResult. */
  scanWorkspace: 'zeroTrustAi/scanWorkspace',
  /** Request client -> server: ServerStats (memory and counters), for benchmarks and the output log. */
  stats: 'zeroTrustAi/stats',
  /**
   * Request client -> server: InventoryResult. Analyzes every file of every folder (publishing the
   * diagnostics, as scanWorkspace does) and builds each folder's AI inventory. Cancellable; an edit
   * cancels it, since its answer would be stale.
   */
  inventory: 'zeroTrustAi/inventory',
  /** Notification server -> client (no params): files or policy changed since the last inventory; ask again when it is shown. */
  inventoryChanged: 'zeroTrustAi/inventoryChanged',
} as const;

/** Server commands (workspace/executeCommand). */
export const Commands = {
  /** Opens a rule's documentation: arguments [ruleId]. */
  showRuleDocumentation: 'zero-trust-ai.showRuleDocumentation',
} as const;
