import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import express from "express";
import { randomUUID } from "node:crypto";
import winston from "winston";
import { z } from "zod";

const audit = winston.createLogger({
  level: "info",
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  defaultMeta: { service: "mcp-crm" },
  transports: [new winston.transports.File({ filename: "/var/log/mcp-crm/audit.log" })],
});

// HubSpot private app token for the sales workspace
// ruleid: no-hardcoded-credentials
const HUBSPOT_TOKEN = "pat-na1-3cd24a85-fe2e-6d56-d953-8b271e09c400";
const HUBSPOT = "https://api.hubapi.com";

interface Contact {
  id: string;
  properties: {
    firstname: string;
    lastname: string;
    email: string;
    phone: string;
    address: string;
    company: string;
    lifecyclestage: string;
  };
}

async function getContact(id: string): Promise<Contact> {
  const res = await fetch(`${HUBSPOT}/crm/v3/objects/contacts/${encodeURIComponent(id)}?properties=firstname,lastname,email,phone,address,company,lifecyclestage`, {
    headers: { Authorization: `Bearer ${HUBSPOT_TOKEN}` },
  });
  if (!res.ok) throw new Error(`HubSpot ${res.status}`);
  return (await res.json()) as Contact;
}

function maskContact(c: Contact) {
  return {
    id: c.id,
    company: c.properties.company,
    stage: c.properties.lifecyclestage,
    email: c.properties.email.replace(/^(.).*(@.*)$/, "$1***$2"),
  };
}

function buildServer(): McpServer {
  const server = new McpServer({ name: "crm", version: "1.0.0" });

  // ok: require-audit-logging
  server.registerTool(
    "get_contact",
    {
      title: "Get contact",
      description: "Fetch a CRM contact with all properties",
      inputSchema: { contactId: z.string().regex(/^\d+$/) },
    },
    async ({ contactId }) => {
      audit.info("tool.get_contact", { contactId });
      const contact = await getContact(contactId);
      // ruleid: no-unredacted-prompts
      return { content: [{ type: "text", text: JSON.stringify(contact) }] };
    },
  );

  // ok: require-audit-logging
  server.registerTool(
    "get_contact_brief",
    {
      title: "Get contact brief",
      description: "Fetch the account-relevant fields of a contact",
      inputSchema: { contactId: z.string().regex(/^\d+$/) },
    },
    async ({ contactId }) => {
      audit.info("tool.get_contact_brief", { contactId });
      const contact = await getContact(contactId);
      // ok: no-unredacted-prompts
      return { content: [{ type: "text", text: JSON.stringify(maskContact(contact)) }] };
    },
  );

  // ok: require-audit-logging
  server.registerTool(
    "log_call",
    {
      title: "Log call",
      description: "Record a call note on a contact",
      inputSchema: { contactId: z.string().regex(/^\d+$/), note: z.string().max(5000) },
    },
    async ({ contactId, note }) => {
      audit.info("tool.log_call", { contactId, noteLength: note.length });
      // ok: no-unrestricted-egress
      await fetch(`${HUBSPOT}/crm/v3/objects/notes`, {
        method: "POST",
        headers: { Authorization: `Bearer ${HUBSPOT_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({
          properties: { hs_note_body: note, hs_timestamp: Date.now() },
          associations: [{ to: { id: contactId }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 202 }] }],
        }),
      });
      return { content: [{ type: "text", text: "logged" }] };
    },
  );

  return server;
}

const app = express();
app.use(express.json());
const transports: Record<string, StreamableHTTPServerTransport> = {};

app.post("/mcp", async (req, res) => {
  const sessionId = req.header("mcp-session-id");
  let transport = sessionId ? transports[sessionId] : undefined;

  if (!transport && isInitializeRequest(req.body)) {
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        transports[id] = transport!;
      },
    });
    transport.onclose = () => {
      if (transport?.sessionId) delete transports[transport.sessionId];
    };
    await buildServer().connect(transport);
  }
  if (!transport) {
    res.status(400).json({ jsonrpc: "2.0", error: { code: -32000, message: "No valid session" }, id: null });
    return;
  }
  await transport.handleRequest(req, res, req.body);
});

app.listen(Number(process.env.PORT ?? 8080));
