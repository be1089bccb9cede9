import { Pool } from "pg";

export const pool = new Pool({ connectionString: process.env.PORTAL_DATABASE_URL });

export interface Customer {
  id: string;
  email: string;
  phone: string;
  company: string;
  plan: "hobby" | "team" | "enterprise";
}

export async function getCustomer(id: string): Promise<Customer> {
  const { rows } = await pool.query("select id, email, phone, company, plan from customers where id = $1", [id]);
  return rows[0];
}

export async function searchKnowledgeBase(query: string): Promise<Array<{ pageContent: string; source: string }>> {
  const { rows } = await pool.query(
    "select body as \"pageContent\", source from kb_chunks order by embedding <=> ai.embed($1) limit 5",
    [query],
  );
  return rows;
}
