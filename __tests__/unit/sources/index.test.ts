import { describe, expect, it } from 'vitest'
import { labelOfSource } from '../../../src/sources/index.ts'

describe('labelOfSource', () => {
  it.each([
    ['', 'Zoho CRM'],
    ['zoho-crm', 'Zoho CRM'],
    ['hubspot', 'HubSpot'],
    ['hubspt', 'Flow Service'],
    ['salesforce', 'Flow Service']
  ])('%j is named %s: a mistyped source never speaks of Zoho', (name, label) => {
    expect(labelOfSource(name)).toBe(label)
  })
})
