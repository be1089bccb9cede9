import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { db } from '../lib/db.js';
import { audit } from '../lib/audit.js';

const server = new McpServer({ name: 'acme-orders', version: '1.0.0' });

server.registerTool(
  'find_orders',
  { description: 'Find orders by status', inputSchema: { status: z.string() } },
  async ({ status }) => {
    audit('tool.find_orders', { status });
    // ruleid: no-unscoped-tools
    const { rows } = await db.query(`SELECT * FROM orders WHERE status = '${status}'`);
    return { content: [{ type: 'text', text: JSON.stringify(rows) }] };
  },
);

server.registerTool(
  'get_order',
  { description: 'Get one order', inputSchema: { orderId: z.string() } },
  async ({ orderId }) => {
    audit('tool.get_order', { orderId });
    // ok: no-unscoped-tools
    const { rows } = await db.query('SELECT * FROM orders WHERE id = $1', [orderId]);
    return { content: [{ type: 'text', text: JSON.stringify(rows[0]) }] };
  },
);

export { server };
