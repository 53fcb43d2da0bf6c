// Shapes of the Coach HTTP API, named from the generated description (src/api/schema.d.ts).
import type { components } from './schema';

export type Schemas = components['schemas'];
export type Role = Schemas['Role'];
export type UserStatus = Schemas['UserStatus'];
export type User = Schemas['User'];
export type UserPage = Schemas['UserPage'];
export type LoginResponse = Schemas['LoginResponse'];
