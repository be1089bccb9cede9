/**
 * `scan --format html`: one self-contained page for a security lead. The KPIs with the items behind
 * them, the trust-boundary map drawn by the inlined Mermaid renderer, and the findings grouped by
 * Zero Trust step with their locations and rule docs. It loads nothing: a strict content security
 * policy allows only the page's own scripts (by hash) and inline styles, no network at all.
 */
import { createHash } from 'node:crypto';
import { docsUrl } from '../rule.js';
import { countFindings, relativePath, type ScanReport } from '../report/common.js';
import { ZERO_TRUST_STEPS, type Finding, type RuleMeta, type ZeroTrustStep } from '../types.js';
import { assetCounts, kpiMet, kpiValue, percent } from './kpi-text.js';
import { mermaidDiagram } from './mermaid.js';
import type { Inventory, Kpi } from './types.js';

export interface HtmlOptions {
  /** Mermaid's browser build (see mermaid-bundle.ts); without it the map is shown as Mermaid source. */
  mermaidScript?: string;
}

/** Text for element content and double-quoted attributes (the only kind this page writes). */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Inline script text must not close its element early: `<\/script` means the same in JS strings and regexes. */
const scriptText = (s: string) => s.replace(/<\/(script)/gi, '<\\/$1');
const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/**
 * Renders the map once the page has loaded; the result is recorded on <body> for tests and readers.
 * A large map fits the page width, where its labels are small: the button shows it at actual size,
 * scrolling inside its frame.
 */
const RENDER_SCRIPT = `(function () {
  var zoomable = function () {
    var frame = document.querySelector('.diagram'), button = document.getElementById('diagram-zoom'), svg = frame.querySelector('svg');
    if (!svg || !button) return;
    var natural = parseFloat(svg.style.maxWidth) || svg.getBoundingClientRect().width;
    button.hidden = natural <= svg.getBoundingClientRect().width + 1;
    button.addEventListener('click', function () {
      var actual = frame.classList.toggle('actual');
      svg.style.width = actual ? natural + 'px' : '';
      button.textContent = actual ? 'Fit to page' : 'Show at actual size';
      button.setAttribute('aria-pressed', String(actual));
    });
  };
  var status = function (s, detail) { document.body.setAttribute('data-diagram', s); if (detail) { var p = document.getElementById('diagram-error'); p.textContent = detail; p.hidden = false; } };
  try {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', maxTextSize: 2000000, maxEdges: 20000, flowchart: { useMaxWidth: true, wrappingWidth: 320 } });
    mermaid.run({ querySelector: '.mermaid' }).then(function () { status('rendered'); zoomable(); }, function (e) { status('error', 'The map could not be drawn: ' + (e && e.message || e)); });
  } catch (e) { status('error', 'The map could not be drawn: ' + (e && e.message || e)); }
})();`;

const STYLE = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-soft: #f6f8fa; --red: #c62828; --amber: #9a6700; --green: #1a7f37; --blue: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; padding-bottom: 8px; border-bottom: 1px solid var(--line); }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 20px 0 8px; }
.muted { color: var(--muted); }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--bg-soft); padding: 1px 4px; border-radius: 4px; }
.counts span { margin-right: 16px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 12px; }
.kpi { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.kpi .value { font-size: 22px; font-weight: 600; }
.kpi.met .value { color: var(--green); } .kpi.unmet .value { color: var(--amber); } .kpi.off .value { color: var(--muted); font-size: 16px; }
.bar { height: 6px; background: var(--bg-soft); border-radius: 3px; overflow: hidden; margin: 6px 0; }
.bar > div { height: 100%; background: var(--green); }
.kpi.unmet .bar > div { background: var(--amber); }
.kpi ul { margin: 6px 0 0; padding-left: 18px; }
.ok { color: var(--green); } .bad { color: var(--red); }
/* The map uses the whole window width: it is the widest thing on the page. */
.diagram { border: 1px solid var(--line); border-radius: 8px; padding: 16px; overflow: auto; background: #fff; margin: 0 min(0px, calc(600px - 50vw + 24px)); }
.diagram pre.mermaid { margin: 0; }
.diagram.actual svg { max-width: none !important; }
.diagram.actual { max-height: 90vh; }
#diagram-zoom { margin-left: 12px; font: inherit; padding: 2px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg-soft); cursor: pointer; }
body:not([data-diagram="rendered"]) .diagram pre.mermaid { white-space: pre; font: 12px ui-monospace, monospace; }
#diagram-error { color: var(--red); }
.legend span { margin-right: 16px; }
table { border-collapse: collapse; width: 100%; margin-bottom: 8px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--bg-soft); font-weight: 600; }
.sev { font-weight: 600; text-transform: uppercase; font-size: 11px; }
.sev.error { color: var(--red); } .sev.warning { color: var(--amber); } .sev.info { color: var(--blue); }
a { color: var(--blue); }
footer { max-width: 1200px; margin: 32px auto; padding: 0 24px; color: var(--muted); font-size: 12px; }
`;

export function formatHtml(report: ScanReport, inv: Inventory, options: HtmlOptions = {}): string {
  const counts = countFindings(report.findings);
  const rel = (file: string) => relativePath(report.root, file);
  const title = `Zero Trust AI report: ${inv.root.split('/').pop() || inv.root}`;
  const scripts = (options.mermaidScript ? [options.mermaidScript, RENDER_SCRIPT] : []).map(scriptText);
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.length ? scripts.map(sha256).join(' ') : "'none'"}`,
    // Mermaid styles the SVG it draws with inline styles; styles cannot run code.
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const diagram = mermaidDiagram(inv.graph).text;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body data-diagram="${scripts.length ? 'pending' : 'source'}">
<header>
<h1>${esc(title)}</h1>
<p class="muted">${esc(report.tool.name)} ${esc(report.tool.version)} scanned ${report.fileCount} files under <code>${esc(report.root)}</code>.</p>
<p class="counts"><span><strong>${counts.problems}</strong> findings</span><span class="bad">${counts.errors} errors</span><span>${counts.warnings} warnings</span><span>${counts.infos} infos</span>
<span class="muted">${assetCounts(inv).join(' · ')}</span></p>
</header>
<main>
<h2 id="kpis">Zero Trust KPIs</h2>
<div class="kpis">
${inv.kpis.map((k) => kpiCard(k)).join('\n')}
</div>
<h2 id="map">Trust-boundary map</h2>
<p class="legend muted"><span>Boundaries: users → application (request handlers, agents, tools) → model providers, data stores, host system, external hosts.</span><span class="bad">Red: a finding on that asset or flow (the rule is named).</span> <button type="button" id="diagram-zoom" aria-pressed="false" hidden>Show at actual size</button></p>
<div class="diagram">
<p id="diagram-error" hidden></p>
<pre class="mermaid">${esc(diagram)}</pre>
</div>
${scripts.length ? '' : '<p class="muted">The Mermaid renderer is not installed with this copy of zero-trust-ai: the map is shown as Mermaid source.</p>'}
<h2 id="findings">Findings by Zero Trust step</h2>
${findingsByStep(report.findings, report.rules, rel)}
</main>
<footer>Findings link to their rule documentation. Secrets are never shown: credentials appear by env var name or as a masked prefix.</footer>
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;

  function kpiCard(k: Kpi): string {
    const state = !k.measured ? 'off' : kpiMet(k) ? 'met' : 'unmet';
    const fill = k.higherIsBetter ? (k.fraction ?? 0) : k.total ? 1 - (k.fraction ?? 0) : 1;
    const items = [...k.items].sort((a, b) => Number(a.ok) - Number(b.ok));
    return `<section class="kpi ${state}">
<div class="muted">Step ${k.step}: ${esc(ZERO_TRUST_STEPS[k.step])}</div>
<h3>${esc(k.title)}</h3>
<div class="value">${esc(kpiValue(k))}</div>
${k.measured && k.total ? `<div class="bar" title="${esc(percent(fill))}"><div style="width:${Math.round(fill * 100)}%"></div></div>` : ''}
<div class="muted">Decided by <a href="${esc(docsUrl(k.ruleId))}">${esc(k.ruleId)}</a></div>
${items.length ? `<details${state === 'unmet' ? ' open' : ''}><summary>${items.length} item${items.length === 1 ? '' : 's'}</summary><ul>${items.map((i) => `<li><span class="${i.ok ? 'ok' : 'bad'}">${i.ok ? '✓' : '✗'}</span> ${esc(i.name)} <code>${esc(`${i.location.file}:${i.location.line}`)}</code></li>`).join('')}</ul></details>` : ''}
</section>`;
  }
}

function findingsByStep(findings: Finding[], rules: RuleMeta[], rel: (file: string) => string): string {
  const stepOf = (ruleId: string): ZeroTrustStep => rules.find((r) => r.id === ruleId)?.steps[0] ?? 7;
  const out: string[] = [];
  for (const step of Object.keys(ZERO_TRUST_STEPS).map(Number) as ZeroTrustStep[]) {
    const here = findings.filter((f) => stepOf(f.ruleId) === step);
    const ruleIds = rules.filter((r) => r.steps[0] === step).map((r) => r.id);
    out.push(`<h3 id="step-${step}">Step ${step}: ${esc(ZERO_TRUST_STEPS[step])} <span class="muted">(${here.length})</span></h3>`);
    if (ruleIds.length) out.push(`<p class="muted">Rules: ${ruleIds.map((id) => `<a href="${esc(docsUrl(id))}">${esc(id)}</a>`).join(', ')}</p>`);
    if (here.length === 0) {
      out.push(`<p class="muted">${step === 1 ? 'See the map above.' : step === 7 ? 'See the KPIs above.' : 'No findings.'}</p>`);
      continue;
    }
    out.push('<table><thead><tr><th>Severity</th><th>Rule</th><th>Location</th><th>Message</th></tr></thead><tbody>');
    for (const f of here) {
      out.push(
        `<tr><td><span class="sev ${f.severity}">${f.severity}</span></td><td><a href="${esc(docsUrl(f.ruleId))}">${esc(f.ruleId)}</a></td><td><code>${esc(`${rel(f.range.file)}:${f.range.startPos.line}:${f.range.startPos.column}`)}</code></td><td>${esc(f.message)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  return out.join('\n');
}
