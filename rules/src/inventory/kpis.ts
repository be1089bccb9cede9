/**
 * The Zero Trust KPIs of SPEC.md, each decided by one rule's findings on inventory items so that the
 * KPI and the findings cannot disagree: an item meets the control when its rule reported nothing on
 * it. A KPI whose rule is switched off is reported as not measured, never as perfect.
 */
import { ruleIdsOf } from './findings.js';
import type { FindingRef, Inventory, Kpi, KpiItem, Location } from './types.js';

export interface KpiInput {
  ruleOn(ruleId: string): boolean;
  /** Ids of the agents and hand-rolled agents (clients calling models on their own) that need an identity. */
  identities: string[];
  /** Ids of model calls whose input holds sensitive data (redacted or not). */
  sensitiveCalls: Set<string>;
  /** Ids of the model calls and tools that should be logged. */
  loggedCalls: string[];
  loggedTools: string[];
}

interface Measured {
  id: string;
  name: string;
  location: Location;
  findings: FindingRef[];
}

type KpiDef = Pick<Kpi, 'id' | 'title' | 'step' | 'ruleId'>;

function kpi(def: KpiDef, input: KpiInput, population: Measured[], higherIsBetter = true): Kpi {
  const items: KpiItem[] = population.map((m) => {
    const ruleIds = ruleIdsOf(m.findings.filter((f) => f.ruleId === def.ruleId));
    return { id: m.id, name: m.name, location: m.location, ok: ruleIds.length === 0, ruleIds };
  });
  const meeting = items.filter((i) => i.ok).length;
  const value = higherIsBetter ? meeting : items.length - meeting;
  return {
    ...def,
    measured: input.ruleOn(def.ruleId),
    value,
    total: items.length,
    fraction: items.length ? value / items.length : null,
    higherIsBetter,
    items,
  };
}

export function computeKpis(inv: Inventory, input: KpiInput): Kpi[] {
  // A client stands for a hand-rolled agent: say what it is.
  const clients = inv.clients.map((c) => ({ ...c, name: `${c.provider} client ${c.name}` }));
  const byId = new Map<string, Measured>([...inv.agents, ...inv.mcpServers, ...clients, ...inv.tools, ...inv.modelCalls].map((i) => [i.id, i]));
  const pick = (ids: Iterable<string>) => [...ids].map((id) => byId.get(id)).filter((m): m is Measured => !!m);
  const toolsById = new Map(inv.tools.map((t) => [t.id, t]));
  // A tool set is scoped when neither it (a whole registry handed over) nor any of its tools has a finding.
  const withTools = (owner: Measured, tools: string[]): Measured => ({ ...owner, findings: [...owner.findings, ...tools.flatMap((t) => toolsById.get(t)?.findings ?? [])] });
  const toolSets: Measured[] = [
    ...inv.agents.filter((a) => a.tools.length > 0).map((a) => withTools(a, a.tools)),
    ...inv.mcpServers.filter((s) => s.role === 'exposed' && s.tools.length > 0).map((s) => withTools(s, s.tools)),
    ...inv.modelCalls.filter((c) => !c.agent && c.tools.length > 0).map((c) => withTools(c, c.tools)),
  ];
  const sensitive = inv.modelCalls.filter((c) => input.sensitiveCalls.has(c.id) || c.findings.some((f) => f.ruleId === 'no-unredacted-prompts'));
  return [
    kpi({ id: 'unique-identity', title: 'Agents with a unique identity', step: 2, ruleId: 'no-shared-agent-credentials' }, input, pick(input.identities)),
    kpi({ id: 'scoped-tools', title: 'Agents whose tools are all scoped', step: 3, ruleId: 'no-unscoped-tools' }, input, toolSets),
    kpi({ id: 'redacted-inputs', title: 'Model calls whose sensitive inputs are redacted', step: 4, ruleId: 'no-unredacted-prompts' }, input, sensitive),
    kpi({ id: 'audit-logging', title: 'Model calls and tool executions with audit logging', step: 6, ruleId: 'require-audit-logging' }, input, pick([...input.loggedCalls, ...input.loggedTools])),
    kpi({ id: 'unrestricted-egress', title: 'Unrestricted egress paths', step: 3, ruleId: 'no-unrestricted-egress' }, input, inv.egress, false),
  ];
}
