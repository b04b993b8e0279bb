import { describe, expect, it } from 'vitest'
import { isHiddenForm } from '../../src/param-forms.ts'

describe('hidden forms', () => {
  it.each(['****', 'ab***cd', '••••', 'xxxxxxxx', 'XXXX', '<secret>', '{CLIENT_SECRET}', '[hidden]', 'masked', 'null'])(
    '%s is hidden',
    (form) => expect(isHiddenForm(form)).toBe(true)
  )

  it.each(['https://www.zohoapis.eu', '1000.ZOHOCLIENTID0001', 'https://accounts.zoho.com', 'a*b'])(
    '%s is shown in clear',
    (form) => expect(isHiddenForm(form)).toBe(false)
  )
})
