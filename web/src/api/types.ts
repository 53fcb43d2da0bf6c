// Shapes of the Coach HTTP API (field names are the schema's column names).

export type Role = 'ADMIN' | 'MANAGER' | 'TEAM_LEADER' | 'AGENT';
export type UserStatus = 'ACTIVE' | 'PIP' | 'LEAVE' | 'TERMINATED';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  team_leader_id: string | null;
  manager_id: string | null;
  department: string | null;
  employee_id: string | null;
  hire_date: string | null;
  phone: string | null;
  avatar_url: string | null;
  status: UserStatus;
  learning_style: string | null;
  shift_pattern: string | null;
  timezone: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface LoginResponse {
  user: User;
  csrf_token: string;
  token: string;
}
