// A unit's contact (联系人, 联系电话, 电子邮箱, 办公地址) as the directory page shows and sends it. task-service checks
// the values and answers field by field; the console only shapes them.

export interface ContactFields {
  contactName: string | null; contactPhone: string | null; contactEmail: string | null; contactAddress: string | null
}

export const CONTACT_FIELDS = ['contactName', 'contactPhone', 'contactEmail', 'contactAddress'] as const

/** The form's text as the service takes it: trimmed, and null for an empty box (no contact when all are null). */
export function contactBody(form: Partial<Record<keyof ContactFields, string | null>>): ContactFields {
  const value = (s: string | null | undefined) => (s ?? '').trim() || null
  return {
    contactName: value(form.contactName), contactPhone: value(form.contactPhone),
    contactEmail: value(form.contactEmail), contactAddress: value(form.contactAddress),
  }
}

/**
 * A `tel:` link for a number as offices write it (RFC 3966): 0595-22561234转801 → tel:059522561234;ext=801,
 * +86 138 1234 5678 → tel:+8613812345678. Null when no digits are left to dial.
 */
export function telHref(phone: string | null | undefined): string | null {
  const text = (phone ?? '').trim()
  const m = /^(.*?)(?:(?:转|#|ext\.?|x)\s*(\d+)|(?<=\d{7})-(\d{1,6}))?$/i.exec(text)
  if (!m) return null
  const main = m[1].replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '')
  if (!/\d/.test(main)) return null
  const ext = m[2] ?? m[3]
  return `tel:${main}${ext ? `;ext=${ext}` : ''}`
}

/** A `mailto:` link; null for no address. */
export function mailtoHref(email: string | null | undefined): string | null {
  const text = (email ?? '').trim()
  return text ? `mailto:${encodeURI(text)}` : null
}
