import OpenAI from "openai";
import { Agent, OpenAIResponsesModel, tool } from "@openai/agents";
import { z } from "zod";
import { logger } from "../lib/logger";

// The research agent has its own project key so its usage and permissions are separate.
// ok: no-shared-agent-credentials
// ok: no-hardcoded-credentials
const researchClient = new OpenAI({ apiKey: process.env.RESEARCH_AGENT_OPENAI_KEY });

const ALLOWED_DOC_HOSTS = new Set(["docs.github.com", "developer.mozilla.org", "nodejs.org"]);

// ok: require-audit-logging
const listGithubIssues = tool({
  name: "list_github_issues",
  description: "List open issues of a GitHub repository",
  parameters: z.object({
    owner: z.string().regex(/^[A-Za-z0-9-]{1,39}$/),
    repo: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/),
  }),
  async execute({ owner, repo }) {
    logger.info({ tool: "list_github_issues", owner, repo }, "tool call");
    // ok: no-unscoped-tools
    // ok: no-unrestricted-egress
    const res = await fetch(`https://api.github.com/repos/${owner}/${repo}/issues?state=open&per_page=20`, {
      headers: {
        Accept: "application/vnd.github+json",
        // ruleid: no-hardcoded-credentials
        Authorization: "Bearer ghp_ORRourZepOxNseZikx4l6WJC72poo23nMgLU",
      },
    });
    const issues = (await res.json()) as Array<{ number: number; title: string }>;
    return issues.map((i) => `#${i.number} ${i.title}`).join("\n");
  },
});

// ok: require-audit-logging
const readDocsPage = tool({
  name: "read_docs_page",
  description: "Read a documentation page from an approved documentation site",
  parameters: z.object({ url: z.string().url() }),
  async execute({ url }) {
    const { hostname, protocol } = new URL(url);
    if (protocol !== "https:" || !ALLOWED_DOC_HOSTS.has(hostname)) {
      throw new Error(`host ${hostname} is not on the documentation allow list`);
    }
    logger.info({ tool: "read_docs_page", hostname }, "tool call");
    // ok: no-unscoped-tools
    // ok: no-unrestricted-egress
    const res = await fetch(url);
    return (await res.text()).slice(0, 30_000);
  },
});

// ok: no-shared-agent-credentials
export const researchAgent = new Agent({
  name: "Research agent",
  instructions: "You research developer questions using GitHub issues and official documentation. Cite sources.",
  model: new OpenAIResponsesModel(researchClient, "gpt-4.1"),
  tools: [listGithubIssues, readDocsPage],
});
