import { messages } from './messages'

// How states and lights look: one colour per state, always with its word; a light is a dot plus its word.
export type TagType = 'info' | 'primary' | 'success' | 'warning' | 'danger'

export interface StateMark {
  word: string
  type: TagType
  /** Element Plus has no cyan tag: 已签收 and 办理中 get the primary tag in the light (cyan-like) effect */
  effect: 'light' | 'dark' | 'plain'
  struck: boolean
}

const STATE_TYPES: Record<string, [TagType, StateMark['effect']]> = {
  DRAFT: ['info', 'plain'],
  DISPATCHED: ['primary', 'dark'],
  ACKNOWLEDGED: ['primary', 'light'],
  IN_PROGRESS: ['primary', 'light'],
  SUBMITTED: ['warning', 'dark'],
  RETURNED: ['danger', 'dark'],
  CLOSED: ['success', 'dark'],
  CANCELLED: ['info', 'light'],
}

export function stateMark(state: string): StateMark {
  const [type, effect] = STATE_TYPES[state] ?? ['info', 'plain']
  return { word: messages.states[state] ?? state, type, effect, struck: state === 'CANCELLED' }
}

export interface LightMark {
  light: 'RED' | 'YELLOW' | 'GREEN' | 'NONE'
  word: string
  colour: string
  reason: string
}

const COLOURS = { RED: '#d93026', YELLOW: '#e6a23c', GREEN: '#2e9d4f', NONE: '#a8abb2' }

/** The dot, the word and the reason of a task's light (none for drafts, closed and cancelled tasks). */
export function lightMark(light: string | null | undefined, reason: string | null | undefined): LightMark {
  const l = light === 'RED' || light === 'YELLOW' || light === 'GREEN' ? light : 'NONE'
  return {
    light: l,
    word: messages.lights[l],
    colour: COLOURS[l],
    reason: reason ? (messages.lightReasons[reason] ?? reason) : '',
  }
}

/** Department ids to names, from the directory; an unknown id is shown as it is rather than hidden. */
export function departmentName(names: Record<string, string>, id: string | null | undefined): string {
  if (!id) return '—'
  return names[id] ?? id
}
