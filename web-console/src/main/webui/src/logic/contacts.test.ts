import { describe, expect, it } from 'vitest'
import { contactBody, mailtoHref, telHref } from './contacts'

describe('unit contacts', () => {
  it('dials landlines and mobiles as written, with the extension apart', () => {
    expect(telHref('0595-22561234')).toBe('tel:059522561234')
    expect(telHref('0595 2256 1234')).toBe('tel:059522561234')
    expect(telHref('(0595)22561234')).toBe('tel:059522561234')
    expect(telHref('0595-22561234转801')).toBe('tel:059522561234;ext=801')
    expect(telHref('0595-22561234-801')).toBe('tel:059522561234;ext=801')
    expect(telHref('0595-22561234 ext.8')).toBe('tel:059522561234;ext=8')
    expect(telHref('138-1234-5678')).toBe('tel:13812345678')
    expect(telHref('+86 138 1234 5678')).toBe('tel:+8613812345678')
  })
  it('has no link without a number', () => {
    expect(telHref(null)).toBeNull()
    expect(telHref('  ')).toBeNull()
    expect(telHref('无')).toBeNull()
  })
  it('mails the address, and nothing for none', () => {
    expect(mailtoHref(' fzb@licheng.gov.cn ')).toBe('mailto:fzb@licheng.gov.cn')
    expect(mailtoHref('')).toBeNull()
    expect(mailtoHref(null)).toBeNull()
  })
  it('sends trimmed text and null for an empty box', () => {
    expect(contactBody({ contactName: ' 张三 ', contactPhone: '0595-22561234', contactEmail: '', contactAddress: null }))
      .toEqual({ contactName: '张三', contactPhone: '0595-22561234', contactEmail: null, contactAddress: null })
    expect(contactBody({})).toEqual({ contactName: null, contactPhone: null, contactEmail: null, contactAddress: null })
  })
})
