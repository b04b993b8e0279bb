/** Kept equal to package.json's version by a test; sent in every User-Agent. */
export const ACTION_NAME = 'aep-zoho-crm-connection-action'
export const ACTION_VERSION = '1.0.0'
export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`
