import { ref } from 'vue'
import { get } from './api'

/** The bell's count, shared: the top bar shows it, and 消息 reloads its list when it grows. */
export const unread = ref(0)

export async function refreshUnread(): Promise<void> {
  try {
    unread.value = (await get<{ unread: number }>('/api/notification/inbox/unread-count')).unread
  } catch {
    // the bell keeps its last count when notification-service is briefly away
  }
}
