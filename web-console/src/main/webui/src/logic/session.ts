import { reactive } from 'vue'
import { get } from './api'

// Who is signed in and the directory's department names, loaded once for the whole console.
export interface Me {
  username: string
  name: string
  roles: string[]
  department: string | null
  district: string
}

interface Department {
  id: string
  name: string
}

export const session = reactive({
  me: null as Me | null,
  departments: {} as Record<string, string>,
})

export async function loadSession(): Promise<void> {
  session.me = await get<Me>('/api/me')
  const list = await get<Department[] | { items: Department[] }>('/api/task/departments')
  const items = Array.isArray(list) ? list : list.items
  session.departments = Object.fromEntries(items.map((d) => [d.id, d.name]))
}

export function hasRole(role: string): boolean {
  return session.me?.roles.includes(role) ?? false
}
