/**
 * The "AI Inventory" view: agents > tools > capabilities, model calls, models, credentials, egress,
 * MCP servers and memories, each jumping to its source and listing its findings; the KPIs on top
 * and, in short, in the view's header. Node ids are paths of inventory ids, so expansion survives a
 * refresh.
 */
import * as vscode from 'vscode';
import type { CapabilityUse, FindingRef, FolderInventory, InventoryResult, Kpi, Location, ToolItem } from '../../../server/src/protocol.js';
import { locationOf, type InventoryStore } from './store.js';

export const INVENTORY_VIEW_ID = 'zeroTrustAi.inventory';

interface Node {
  id: string;
  label: string;
  description?: string;
  icon: vscode.ThemeIcon;
  tooltip?: string | vscode.MarkdownString;
  folder?: FolderInventory;
  location?: Location;
  /** Built when expanded; absent for leaves. */
  children?: () => Node[];
  expanded?: boolean;
  contextValue?: string;
}

const KPI_SHORT: Record<Kpi['id'], string> = {
  'unique-identity': 'Identity',
  'scoped-tools': 'Scoped tools',
  'redacted-inputs': 'Redacted',
  'audit-logging': 'Logged',
  'unrestricted-egress': 'Open egress',
};

const CAPABILITY_ICONS: Record<CapabilityUse['capability'], string> = {
  shell: 'terminal',
  filesystem: 'file',
  network: 'globe',
  database: 'database',
  'code-execution': 'code',
};

const CREDENTIAL_KINDS: Record<string, string> = {
  env: 'environment variable',
  literal: 'hard-coded in the source',
  'default-env': "the SDK's default environment variable",
  runtime: 'read at run time',
  unknown: 'origin unknown',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export class InventoryTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: InventoryStore) {
    this.view = vscode.window.createTreeView(INVENTORY_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      store.watch(() => this.view.visible),
      this.view.onDidChangeVisibility((e) => e.visible && store.shown()),
      store.onDidChange(() => this.update()),
    );
    this.update();
    if (this.view.visible) store.shown();
  }

  private update() {
    const state = this.store.state;
    const result = this.store.result;
    void vscode.commands.executeCommand('setContext', 'zeroTrustAi.inventoryState', state.kind);
    this.view.message =
      state.kind === 'error'
        ? `The inventory could not be built: ${state.message}`
        : !result
          ? state.kind === 'loading' ? 'Building the AI inventory…' : undefined
          : kpiSummary(result) + (state.kind === 'loading' ? ' (updating…)' : '');
    const findings = result?.folders.reduce((n, f) => n + f.findings, 0) ?? 0;
    this.view.badge = findings ? { value: findings, tooltip: `${plural(findings, 'Zero Trust AI finding')}` } : undefined;
    this.changed.fire();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children ? (node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.iconPath = node.icon;
    item.tooltip = node.tooltip;
    item.contextValue = node.contextValue;
    if (node.location && node.folder) {
      const loc = locationOf(node.folder, node.location);
      // The cursor goes to the start: selecting a whole tool definition would hide where it begins.
      item.command = { command: 'vscode.open', title: 'Go to source', arguments: [loc.uri, { selection: new vscode.Range(loc.range.start, loc.range.start) }] };
    }
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (node) return node.children?.() ?? [];
    const result = this.store.result;
    if (!result) return [];
    const folders = result.folders.filter((f) => !isEmpty(f));
    if (folders.length === 1 && result.folders.length === 1) return folderGroups(folders[0]);
    return folders.map((f) => ({
      id: `folder:${f.uri}`,
      label: f.name,
      description: folderDescription(f),
      icon: new vscode.ThemeIcon('root-folder'),
      children: () => folderGroups(f),
      expanded: true,
    }));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function isEmpty(f: FolderInventory): boolean {
  const i = f.inventory;
  return !i.agents.length && !i.tools.length && !i.modelCalls.length && !i.mcpServers.length && !i.credentials.length;
}

function folderDescription(f: FolderInventory): string {
  const i = f.inventory;
  return [plural(i.agents.length, 'agent'), plural(i.tools.length, 'tool'), plural(i.modelCalls.length, 'model call')].join(', ');
}

/** `Identity 2/3 · Scoped tools 1/2 · …`, over every folder. */
export function kpiSummary(result: InventoryResult): string {
  const totals = new Map<Kpi['id'], { value: number; total: number; measured: boolean; higherIsBetter: boolean }>();
  for (const f of result.folders) {
    for (const k of f.inventory.kpis) {
      const t = totals.get(k.id) ?? { value: 0, total: 0, measured: true, higherIsBetter: k.higherIsBetter };
      totals.set(k.id, { ...t, value: t.value + k.value, total: t.total + k.total, measured: t.measured && k.measured });
    }
  }
  const parts = [...totals].map(([id, t]) => `${KPI_SHORT[id]} ${!t.measured ? 'off' : t.higherIsBetter ? `${t.value}/${t.total}` : t.value}`);
  return parts.length ? `KPIs: ${parts.join(' · ')}` : 'No AI assets found';
}

function folderGroups(f: FolderInventory): Node[] {
  const inv = f.inventory;
  const base = `${f.uri}|`;
  const group = (key: string, label: string, icon: string, items: Node[], expanded = false): Node | undefined =>
    items.length ? { id: `${base}group:${key}`, label, description: String(items.length), icon: new vscode.ThemeIcon(icon), children: () => items, expanded } : undefined;
  const groups = [
    kpiGroup(f),
    group('agents', 'Agents', 'hubot', inv.agents.map((a) => agentNode(f, a.id, `${base}agents`)), true),
    group('tools', 'Tools', 'tools', inv.tools.map((t) => toolNode(f, t, `${base}tools`))),
    group('calls', 'Model calls', 'comment-discussion', inv.modelCalls.map((c) => itemNode(f, `${base}calls`, c, {
      icon: 'comment-discussion',
      label: c.call,
      description: [c.model ? modelName(f, c.model) : undefined, c.caller ? `in ${nameOf(f, c.caller)}` : undefined].filter(Boolean).join(' · '),
      children: (id) => c.tools.map((t) => refNode(f, id, t, 'tools')),
    }))),
    group('models', 'Models', 'sparkle', inv.models.map((m) => itemNode(f, `${base}models`, m, {
      icon: 'sparkle',
      label: m.model ?? m.name,
      description: `${m.provider} · ${m.task === 'embeddings' ? 'embeddings' : 'text generation'} · ${plural(m.usedBy.length, 'use')}`,
      children: (id) => m.usedBy.map((u) => refNode(f, id, u, 'hubot')),
    }))),
    group('credentials', 'Credentials', 'key', inv.credentials.map((c) => itemNode(f, `${base}credentials`, c, {
      icon: 'key',
      description: `${CREDENTIAL_KINDS[c.kind] ?? c.kind} · used by ${c.usedBy.length}`,
      children: (id) => c.usedBy.map((u) => refNode(f, id, u, 'hubot')),
    }))),
    group('egress', 'Egress', 'globe', inv.egress.map((e) => itemNode(f, `${base}egress`, e, {
      icon: 'globe',
      label: e.host ?? e.name,
      description: [e.operation, e.tool ? `in ${nameOf(f, e.tool)}` : e.caller ? `in ${nameOf(f, e.caller)}` : undefined].filter(Boolean).join(' · '),
    }))),
    group('mcp', 'MCP servers', 'server', inv.mcpServers.map((s) => mcpNode(f, s.id, `${base}mcp`))),
    group('data', 'Memory and retrieval', 'database', [
      ...inv.memories.map((m) => itemNode(f, `${base}data`, m, { icon: 'database', description: m.scope === 'shared' ? 'shared by every user' : 'per user or session' })),
      ...inv.retrievalSources.map((r) => itemNode(f, `${base}data`, r, { icon: 'library', description: r.call })),
    ]),
  ];
  return groups.filter((g): g is Node => !!g);
}

function kpiGroup(f: FolderInventory): Node | undefined {
  const kpis = f.inventory.kpis;
  if (!kpis.length) return undefined;
  const id = `${f.uri}|group:kpis`;
  const met = kpis.filter((k) => f.kpiText[k.id]?.met).length;
  return {
    id,
    label: 'Zero Trust KPIs',
    description: `${met} of ${kpis.length} met`,
    icon: new vscode.ThemeIcon('dashboard'),
    children: () =>
      kpis.map((k) => {
        const text = f.kpiText[k.id];
        const kid = `${id}|${k.id}`;
        return {
          id: kid,
          label: k.title,
          description: text?.value,
          icon: !k.measured ? new vscode.ThemeIcon('circle-slash') : text?.met ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
          tooltip: `${k.title}: ${text?.value ?? ''}\nZero Trust step ${k.step}, decided by ${k.ruleId}`,
          children: k.items.length
            ? () =>
                [...k.items]
                  .sort((a, b) => Number(a.ok) - Number(b.ok))
                  .map((i) => ({
                    id: `${kid}|${i.id}`,
                    label: i.name,
                    description: i.ok ? 'meets the control' : i.ruleIds.join(', '),
                    icon: i.ok ? new vscode.ThemeIcon('check', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('close', new vscode.ThemeColor('problemsErrorIcon.foreground')),
                    folder: f,
                    location: i.location,
                  }))
            : undefined,
        };
      }),
  };
}

interface ItemLike {
  id: string;
  name: string;
  location: Location;
  findings: FindingRef[];
}

/** A node for an inventory item: jumps to it, says how many findings it has, lists them after its own children. */
function itemNode(f: FolderInventory, parent: string, item: ItemLike, o: { icon: string; label?: string; description?: string; children?: (id: string) => Node[]; expanded?: boolean }): Node {
  const id = `${parent}|${item.id}`;
  const n = item.findings.length;
  const worst = item.findings.some((x) => x.severity === 'error') ? 'problemsErrorIcon.foreground' : 'problemsWarningIcon.foreground';
  const description = [o.description, n ? `⚠ ${n}` : undefined].filter(Boolean).join(' · ');
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${escapeMd(o.label ?? item.name)}**\n\n`);
  if (o.description) tooltip.appendMarkdown(`${escapeMd(o.description)}\n\n`);
  tooltip.appendMarkdown(`${escapeMd(item.location.file)}:${item.location.line}`);
  for (const x of item.findings) tooltip.appendMarkdown(`\n\n$(warning) \`${x.ruleId}\` ${escapeMd(x.message)}`);
  const own = o.children?.(id) ?? [];
  return {
    id,
    label: o.label ?? item.name,
    description,
    icon: n ? new vscode.ThemeIcon(o.icon, new vscode.ThemeColor(worst)) : new vscode.ThemeIcon(o.icon),
    tooltip,
    folder: f,
    location: item.location,
    children: own.length || n ? () => [...own, ...item.findings.map((x, i) => findingNode(f, `${id}|finding:${i}`, x))] : undefined,
    expanded: o.expanded,
    contextValue: n ? 'itemWithFindings' : 'item',
  };
}

function findingNode(f: FolderInventory, id: string, x: FindingRef): Node {
  return {
    id,
    label: x.message,
    description: x.ruleId,
    icon: new vscode.ThemeIcon(x.severity === 'error' ? 'error' : x.severity === 'warning' ? 'warning' : 'info', new vscode.ThemeColor(x.severity === 'error' ? 'problemsErrorIcon.foreground' : x.severity === 'warning' ? 'problemsWarningIcon.foreground' : 'problemsInfoIcon.foreground')),
    tooltip: `${x.ruleId} (${x.severity}): ${x.message}\n${x.location.file}:${x.location.line}:${x.location.column}`,
    folder: f,
    location: x.location,
    contextValue: 'finding',
  };
}

function agentNode(f: FolderInventory, agentId: string, parent: string): Node {
  const a = f.inventory.agents.find((x) => x.id === agentId)!;
  return itemNode(f, parent, a, {
    icon: 'hubot',
    description: [a.framework, a.model ? modelName(f, a.model) : undefined, a.handedAllTools ? 'handed every tool' : undefined].filter(Boolean).join(' · '),
    children: (id) => [
      ...(a.model ? [refNode(f, id, a.model, 'sparkle', 'Model')] : []),
      ...(a.credential ? [refNode(f, id, a.credential, 'key', 'Credential')] : []),
      ...a.tools.map((t) => f.inventory.tools.find((x) => x.id === t)).filter((t): t is ToolItem => !!t).map((t) => toolNode(f, t, id)),
      ...a.mcpServers.map((s) => mcpNode(f, s, id)),
    ],
  });
}

function toolNode(f: FolderInventory, t: ToolItem, parent: string): Node {
  const caps = [...new Set(t.capabilities.map((c) => c.capability))];
  return itemNode(f, parent, t, {
    icon: 'tools',
    description: caps.length ? caps.join(', ') : 'no dangerous capability found',
    children: (id) => t.capabilities.map((c, i) => capabilityNode(f, `${id}|cap:${i}`, c)),
  });
}

function capabilityNode(f: FolderInventory, id: string, c: CapabilityUse): Node {
  const n = c.findings.length;
  return {
    id,
    label: c.capability,
    description: [c.operation, c.host ? `→ ${c.host}` : undefined, n ? `⚠ ${n}` : undefined].filter(Boolean).join(' '),
    icon: new vscode.ThemeIcon(CAPABILITY_ICONS[c.capability], n ? new vscode.ThemeColor('problemsErrorIcon.foreground') : undefined),
    tooltip: `${c.capability}: ${c.operation}${c.host ? ` to ${c.host}` : ''}${c.findings.map((x) => `\n⚠ ${x.ruleId}: ${x.message}`).join('')}`,
    folder: f,
    location: c.location,
    children: n ? () => c.findings.map((x, i) => findingNode(f, `${id}|finding:${i}`, x)) : undefined,
  };
}

function mcpNode(f: FolderInventory, serverId: string, parent: string): Node {
  const s = f.inventory.mcpServers.find((x) => x.id === serverId);
  if (!s) return refNode(f, parent, serverId, 'server');
  return itemNode(f, parent, s, {
    icon: 'server',
    description: s.role === 'exposed' ? 'served by this code' : 'connected to',
    children: (id) => s.tools.map((t) => f.inventory.tools.find((x) => x.id === t)).filter((t): t is ToolItem => !!t).map((t) => toolNode(f, t, id)),
  });
}

/** Every item of the inventory by id, for references between them. */
function itemById(f: FolderInventory, id: string): ItemLike | undefined {
  const i = f.inventory;
  for (const list of [i.agents, i.tools, i.models, i.modelCalls, i.clients, i.credentials, i.mcpServers, i.memories, i.retrievalSources, i.egress, i.entryPoints] as ItemLike[][]) {
    const hit = list.find((x) => x.id === id);
    if (hit) return hit;
  }
  return undefined;
}

function nameOf(f: FolderInventory, id: string): string {
  return itemById(f, id)?.name ?? id.replace(/^[a-z-]+:/, '');
}

function modelName(f: FolderInventory, id: string): string {
  const m = f.inventory.models.find((x) => x.id === id);
  return m?.model ?? m?.name ?? nameOf(f, id);
}

/** A leaf pointing at another item (the agent's model, a credential's user). */
function refNode(f: FolderInventory, parent: string, id: string, icon: string, prefix?: string): Node {
  const target = itemById(f, id);
  const label = id.startsWith('model:') ? modelName(f, id) : (target?.name ?? nameOf(f, id));
  return {
    id: `${parent}|ref:${id}`,
    label: prefix ? `${prefix}: ${label}` : label,
    description: id.split(':')[0],
    icon: new vscode.ThemeIcon(icon),
    folder: f,
    location: target?.location,
  };
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
