import { Pool } from "pg";

export const pool = new Pool({ connectionString: process.env.HELPDESK_DATABASE_URL });

export interface CustomerRecord {
  id: string;
  email: string;
  phone: string;
  dateOfBirth: string;
  address: string;
  tier: "free" | "pro" | "enterprise";
  openOrderCount: number;
}

export const customers = {
  async findByTicket(ticketId: string): Promise<CustomerRecord> {
    const { rows } = await pool.query(
      "select c.* from customers c join tickets t on t.customer_id = c.id where t.id = $1",
      [ticketId],
    );
    return rows[0];
  },
};
