/** Messages between the extension and the trust-boundary map webview (plain data, no imports: both sides bundle it). */

export interface MapNode {
  /** Graph node id (`agent:support`), sent back when the node is clicked. */
  id: string;
  label: string;
  /** Whether clicking it can open code. */
  hasLocation: boolean;
  /** Rule ids of its findings. */
  findings: string[];
}

export interface MapFolder {
  uri: string;
  name: string;
  /** Mermaid flowchart text. */
  diagram: string;
  /** Graph nodes by Mermaid node id (`n0`). */
  nodes: Record<string, MapNode>;
  kpis: Array<{ title: string; value: string; met: boolean }>;
  findings: number;
}

export type ToMap = { type: 'inventory'; state: 'empty' | 'loading' | 'ready' | 'error'; message?: string; folders: MapFolder[] };

export type FromMap =
  | { type: 'ready' }
  | { type: 'open'; folder: string; node: string }
  | { type: 'refresh' }
  /** What the page drew, for the log and for tests. */
  | { type: 'rendered'; nodes: number; clickable: number }
  | { type: 'error'; message: string };
