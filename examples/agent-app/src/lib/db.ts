import pg from 'pg';

export const db = new pg.Pool({ connectionString: process.env.DATABASE_URL });

export interface Customer {
  id: string;
  email: string;
  phone: string;
  plan: 'free' | 'pro';
}

export async function getCustomer(id: string): Promise<Customer> {
  const { rows } = await db.query('SELECT id, email, phone, plan FROM customers WHERE id = $1', [id]);
  return rows[0];
}
