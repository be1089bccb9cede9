import { Pool } from "pg";

export const db = new Pool({ connectionString: process.env.AGENTS_DATABASE_URL });

export interface Customer {
  id: string;
  email: string;
  phone: string;
  address: string;
  creditCard: string;
  company: string;
  plan: string;
}

export async function searchKnowledgeBase(query: string): Promise<Array<{ pageContent: string }>> {
  const { rows } = await db.query(
    "select body as \"pageContent\" from kb_chunks where tsv @@ plainto_tsquery($1) limit 4",
    [query],
  );
  return rows;
}
