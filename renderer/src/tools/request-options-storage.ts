// The Options panel's draft in localStorage (tool definitions and schemas are work, not secrets; no keys here).
import { parseRequestOptionsDraft, type RequestOptionsDraft } from './request-options';

export const requestOptionsStorageKey = 'juxta.requestOptions.v1';

export function loadRequestOptionsDraft(): RequestOptionsDraft {
  try {
    return parseRequestOptionsDraft(localStorage.getItem(requestOptionsStorageKey));
  } catch {
    return parseRequestOptionsDraft(null);
  }
}

