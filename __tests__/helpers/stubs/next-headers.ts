/**
 * next/headers under Jest: headers() and cookies() read a store each test
 * sets with setRequestHeaders()/setRequestCookies() (both emptied before
 * every test by the setup file).
 */
let requestHeaders = new Headers();
const requestCookies = new Map<string, string>();

/** The headers of the "current request" for this test. */
export function setRequestHeaders(values: Record<string, string>): void {
  requestHeaders = new Headers(values);
}

export function setRequestCookies(values: Record<string, string>): void {
  requestCookies.clear();
  for (const [name, value] of Object.entries(values)) requestCookies.set(name, value);
}

export async function headers(): Promise<Headers> {
  return new Headers(requestHeaders);
}

export async function cookies() {
  return {
    get: (name: string) => (requestCookies.has(name) ? { name, value: requestCookies.get(name)! } : undefined),
    getAll: () => [...requestCookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => requestCookies.has(name),
    set: (name: string, value: string) => void requestCookies.set(name, value),
    delete: (name: string) => void requestCookies.delete(name),
  };
}

export async function draftMode() {
  return { isEnabled: false, enable: () => undefined, disable: () => undefined };
}
