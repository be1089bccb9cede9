/**
 * Source predicates shared by rules: what the model controls (tool arguments, model output) and
 * what an outsider controls (fetched pages, request fields, retrieved documents, uploads).
 * A predicate receives the node the backward walk reached and the access path read from it.
 */
import { Node } from 'ts-morph';
import type { AgentModel } from '../model/model.js';
import { isFunctionLike } from '../model/model.js';
import type { Tool } from '../model/types.js';
import type { SourceMatch } from './flow.js';
import { lastSegment } from './recognizers.js';

export type SourcePredicate = (node: Node, path: readonly string[]) => SourceMatch | undefined;

/** Maps the parameter through which a tool receives the model's arguments to its tool. */
export function toolInputParams(model: AgentModel): Map<Node, Tool> {
  const out = new Map<Node, Tool>();
  for (const t of model.tools()) if (t.input) out.set(t.input.param, t);
  return out;
}

/**
 * The path inside the model's arguments that `path`, read from the tool's input parameter, reaches
 * (`[]`: the arguments as a whole); undefined when it reads something else (`request.params.name`,
 * Mastra's `runtimeContext`).
 */
export function toolArgumentPath(tool: Tool, path: readonly string[]): readonly string[] | undefined {
  for (const prefix of tool.input?.paths ?? []) {
    if (prefix.every((p, i) => path[i] === p)) return path.slice(prefix.length);
    // The whole request object holds the arguments too.
    if (path.length < prefix.length && path.every((p, i) => prefix[i] === p)) return [];
  }
  return undefined;
}

/** Tool arguments: the model chooses them. */
export function toolInputSource(model: AgentModel): SourcePredicate {
  const params = toolInputParams(model);
  return (node, path) => {
    const tool = params.get(node);
    const fields = tool && toolArgumentPath(tool, path);
    if (!tool || !fields) return undefined;
    return { label: fields[0] ? `argument \`${fields[0]}\` of tool "${tool.name}"` : `the input of tool "${tool.name}"`, node };
  };
}

/** Results of model calls (completion text, generated objects, streams, tool-call arguments). */
export function modelOutputSource(model: AgentModel): SourcePredicate {
  return (node) => {
    if (!Node.isCallExpression(node)) return undefined;
    const e = model.classify(node);
    if (e?.kind === 'modelCall' && e.row.output) return { label: `output of ${node.getExpression().getText().replace(/\s+/g, '')}()`, node };
    return undefined;
  };
}

const FETCH_CALL = /^(fetch|get|post|request|put|patch|goto|content|innerText|textContent|text|json|blob|arrayBuffer|formData)$/;
const RETRIEVAL_CALL = /^(similaritySearch|similaritySearchWithScore|maxMarginalRelevanceSearch|getRelevantDocuments|retrieve|query|search|load|loadAndSplit|readFile|readFileSync|parsePdf|extractText|scrape|crawl|browse|fetchPage|fetchUrl|getEmail|getMessage|readEmail|listMessages)$/;
const UNTRUSTED_FIELDS = /^(pageContent|html|body|rawBody|snippet|textContent|innerText|emailBody|bodyText|bodyHtml|transcript|attachment|attachments|comment|comments|review|reviews|description)$/;
const UNTRUSTED_NAME = /^(inbound|email|mail|scraped|fetched|retrieved|webpage|web|page|untrusted|external|uploaded|attachment|document|pdf|html)\w*|\w*(Body|Html|Markdown|PageContent|Snippet|Transcript)$/i;
const REQUEST_FIELDS = /^(body|query|params|files|file|headers|cookies)$/;

/**
 * Content from outside the trust boundary: fetched pages, files, retrieved documents, e-mail
 * bodies, tool results, and request fields.
 */
export function untrustedContentSource(model: AgentModel): SourcePredicate {
  const toolInput = toolInputSource(model);
  return (node, path) => {
    const fields = path.filter((p) => p !== '[]');
    // Retrieved documents (LangChain Document.pageContent) are outside content whatever holds them.
    if (fields.includes('pageContent')) return { label: `retrieved document content (${fields.join('.')})`, node };
    // A field named for outside content: ticket.emailBody, ctx.context.ticketBody, page.html.
    const lastField = fields[fields.length - 1];
    if (lastField && lastField !== 'body' && /(Body|Html|Markdown|Snippet|Transcript)$/.test(lastField)) return { label: fields.join('.'), node };
    if (Node.isParameterDeclaration(node) || Node.isIdentifier(node)) {
      const name = Node.isParameterDeclaration(node) ? (Node.isIdentifier(node.getNameNode()) ? node.getName() : '') : node.getText();
      if (/^(req|request|ctx|event)$/.test(name) && fields[0] && REQUEST_FIELDS.test(fields[0])) return { label: `request ${fields.slice(0, 2).join('.')}`, node };
      if (/^(email|mail|message|inbound|ticket|page|doc|document|result|toolResult|webpage|upload)$/i.test(name) && fields[0] && UNTRUSTED_FIELDS.test(fields[0])) return { label: `${name}.${fields[0]}`, node };
      // A parameter named for outside content: inboundBody, emailHtml, scrapedPage, webpageText.
      if (Node.isParameterDeclaration(node) && fields.length === 0 && UNTRUSTED_NAME.test(name) && !/(Id|Ids|Url|Count|Type)$/.test(name)) return { label: `\`${name}\``, node };
      if (Node.isParameterDeclaration(node)) return toolInput(node, path);
      return undefined;
    }
    if (Node.isCallExpression(node)) {
      const callee = node.getExpression().getText().replace(/\s+/g, '');
      const last = lastSegment(callee);
      if (/^(request|req)\.(json|formData|text)$/.test(callee)) return { label: `request body (${callee}())`, node };
      if (/\.searchParams\.get$/.test(callee) || /^searchParams\.get$/.test(callee)) return { label: 'a URL query parameter', node };
      if (callee === 'fetch' || /^(axios|got|ky|undici|superagent|needle)(\.|$)/.test(callee) || /^(page|browser)\.(goto|content)$/.test(callee)) return { label: `fetched content (${callee}())`, node };
      if (FETCH_CALL.test(last) && /^(res|resp|response|r|page)\b/.test(callee) && /\.(text|json|content|innerText|textContent)$/.test(callee)) return { label: `fetched content (${callee}())`, node };
      if (RETRIEVAL_CALL.test(last) && /(vector|store|retriever|loader|index|fs|pdf|scraper|crawler|browser|gmail|inbox|mail|search|docs|kb|knowledge)/i.test(callee)) return { label: `retrieved content (${callee}())`, node };
      if (/^(readFile|readFileSync)$/.test(last)) return { label: `file content (${callee}())`, node };
    }
    return undefined;
  };
}

/** Combines predicates: the first that matches wins. */
export function anySource(...preds: SourcePredicate[]): SourcePredicate {
  return (node, path) => {
    for (const p of preds) {
      const hit = p(node, path);
      if (hit) return hit;
    }
    return undefined;
  };
}
