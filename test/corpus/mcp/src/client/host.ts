import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

// Connects the desktop assistant to the MCP servers the team uses.

const githubTransport = new StreamableHTTPClientTransport(new URL("https://api.githubcopilot.com/mcp/"), {
  requestInit: {
    headers: {
      // ruleid: no-hardcoded-credentials
      Authorization: "Bearer ghp_xbybCG44sivm8g9h2pkO8HYDvco2Xgby4Dfc",
    },
  },
});

const linearTransport = new StreamableHTTPClientTransport(new URL("https://mcp.linear.app/mcp"), {
  requestInit: {
    headers: {
      // ok: no-hardcoded-credentials
      Authorization: `Bearer ${process.env.LINEAR_MCP_TOKEN}`,
    },
  },
});

const filesTransport = new StdioClientTransport({
  command: "node",
  args: ["dist/servers/files-server.js"],
  // ok: no-hardcoded-credentials
  env: { WORKSPACE_DIR: "/home/dev/acme", LOG_LEVEL: "warn" },
});

export async function connectAll() {
  const github = new Client({ name: "acme-desktop", version: "2.3.0" });
  const linear = new Client({ name: "acme-desktop", version: "2.3.0" });
  const files = new Client({ name: "acme-desktop", version: "2.3.0" });

  await Promise.all([github.connect(githubTransport), linear.connect(linearTransport), files.connect(filesTransport)]);

  const { tools } = await github.listTools();
  return { github, linear, files, githubToolNames: tools.map((t) => t.name) };
}
