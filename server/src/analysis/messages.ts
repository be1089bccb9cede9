/**
 * Messages between the LSP thread and the analysis worker. The worker owns the analysis hosts
 * (one per workspace folder); the LSP thread stays responsive and cancels analyses through a
 * shared array of flags that the engine polls between rules.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { Inventory } from '../../../rules/src/inventory/types.js';
import type { Settings } from '../protocol.js';
import type { HoverMeta } from '../convert.js';

export const CANCEL_SLOTS = 4096;

export interface WorkerInit {
  /** SharedArrayBuffer of CANCEL_SLOTS Int32 flags; job `id` is cancelled when slot `id % CANCEL_SLOTS` is non-zero. */
  cancel: SharedArrayBuffer;
  trusted: boolean;
}

export interface AnalysisTarget {
  file: string;
  /** Document version of an open file, null for a file read from disk. */
  version: number | null;
}

export type ToWorker =
  | { kind: 'addFolder'; root: string; settings: Settings }
  | { kind: 'removeFolder'; root: string }
  | { kind: 'settings'; root: string; settings: Settings }
  /** The text of an open document (didOpen, didChange). */
  | { kind: 'update'; file: string; text: string }
  /** A document closed: the file on disk is what counts again. */
  | { kind: 'close'; file: string }
  /** A watched file changed on disk (ignored while the file is open). */
  | { kind: 'disk'; file: string; change: 'created' | 'changed' | 'deleted' }
  /** Analyze `targets`, or every file of every folder ('all'); with `inventory`, also build each folder's AI inventory. */
  | { kind: 'analyze'; id: number; targets: AnalysisTarget[] | 'all'; inventory?: boolean }
  | { kind: 'stats'; id: number };

export interface FileDiagnostics {
  file: string;
  version: number | null;
  diagnostics: Diagnostic[];
}

export interface FolderInventoryData {
  root: string;
  inventory: Inventory;
  mermaid: { text: string; nodeIds: Record<string, string> };
  findings: number;
}

export interface ConfigReport {
  root: string;
  /** The config file in effect, if any. */
  source?: string;
  /** Config problems: file, JSON path, reason. */
  problems: Array<{ level: 'error' | 'warning' | 'info'; message: string; file?: string; path?: string }>;
  /** Whether the workspace config was ignored (restricted mode). */
  restricted: boolean;
}

export type FromWorker =
  | { kind: 'result'; id: number; files: FileDiagnostics[]; analyzedFiles: number; cancelled: boolean; durationMs: number; timings: Record<string, number>; inventories?: FolderInventoryData[] }
  | { kind: 'progress'; id: number; message: string; percentage: number }
  | { kind: 'loading'; root: string; loaded: number; total: number }
  | { kind: 'loaded'; root: string; files: number; durationMs: number }
  /** The policy of a folder was (re)loaded: re-analyze what is shown. */
  | { kind: 'config'; report: ConfigReport }
  | { kind: 'log'; level: 'info' | 'warning' | 'error'; message: string }
  /** Sent once when the worker starts: what hovers say about each rule. */
  | { kind: 'rules'; meta: Record<string, HoverMeta> }
  | { kind: 'stats'; id: number; rssBytes: number; heapUsedBytes: number; loadedFiles: number; analyses: number };
