import { Pool } from "pg";

export const crmDb = new Pool({ connectionString: process.env.CRM_DATABASE_URL });

export interface Customer {
  id: string;
  email: string;
  phone: string;
  address: string;
  plan: "starter" | "growth" | "scale";
}

export async function getCustomer(id: string): Promise<Customer> {
  const { rows } = await crmDb.query("select id, email, phone, address, plan from customers where id = $1", [id]);
  return rows[0];
}
