export interface CartItemsTable {
  student_id: number;
  section_id: number;
  created_at: number;
}
