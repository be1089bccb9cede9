/**
 * What a tool can do: the dangerous operations (dataflow/sinks.ts) its function reaches, directly or
 * through the project's helpers it calls, named as capabilities (shell, filesystem, network,
 * database, code execution). A sink reached is a capability whether or not the model's arguments
 * flow into it; whether they do unchecked is no-unscoped-tools' finding, shown next to it.
 */
import { Node } from 'ts-morph';
import { isFunctionLike, propertyOf, type AgentModel } from '../model/model.js';
import { fixedHost, sinksIn, type Sink } from '../dataflow/sinks.js';
import type { SinkKind } from '../dataflow/recognizers.js';
import type { Capability } from './types.js';

/** Sinks that are capabilities of a tool; HTML writes and redirects concern output, not reach. */
export const CAPABILITY_OF_SINK: Partial<Record<SinkKind, Capability>> = {
  shell: 'shell',
  filesystem: 'filesystem',
  network: 'network',
  sql: 'database',
  code: 'code-execution',
};

/** How deep a tool's calls into project helpers are followed (`audit()` -> `logger.info()`). */
const MAX_HELPER_DEPTH = 2;

/** The function and the project functions it calls, to MAX_HELPER_DEPTH. */
export function reachableFunctions(model: AgentModel, root: Node): Node[] {
  const out: Node[] = [root];
  const visit = (fn: Node, depth: number) => {
    if (depth >= MAX_HELPER_DEPTH) return;
    fn.forEachDescendant((d) => {
      if (!Node.isCallExpression(d)) return;
      const target = model.valueOf(d.getExpression());
      if (!isFunctionLike(target) || out.includes(target) || out.some((f) => target.getAncestors().includes(f))) return;
      out.push(target);
      visit(target, depth + 1);
    });
  };
  visit(root, 0);
  return out;
}

export interface CapabilitySink extends Sink {
  capability: Capability;
}

/** The capability sinks a function reaches, each once. */
export function capabilitySinks(model: AgentModel, fn: Node): CapabilitySink[] {
  const seen = new Set<Node>();
  const out: CapabilitySink[] = [];
  for (const f of reachableFunctions(model, fn)) {
    for (const sink of sinksIn(f, model)) {
      const capability = CAPABILITY_OF_SINK[sink.kind];
      if (!capability || seen.has(sink.node)) continue;
      seen.add(sink.node);
      out.push({ ...sink, capability });
    }
  }
  return out;
}

/** The host a network request goes to, when the code fixes it: `fetch('https://api.x.com/v1/...')`, `axios({ url })`. */
export function requestHost(model: AgentModel, sink: Node): string | undefined {
  if (!Node.isCallExpression(sink) && !Node.isNewExpression(sink)) return undefined;
  const first = sink.getArguments()[0];
  if (!first) return undefined;
  const value = model.valueOf(first);
  const url = Node.isObjectLiteralExpression(value) ? (propertyOf(value, 'url') ?? propertyOf(value, 'baseURL')) : value;
  return url ? fixedHost(model.valueOf(url)) : undefined;
}
