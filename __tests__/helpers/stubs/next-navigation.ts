/**
 * next/navigation under Jest (jest.config.ts maps it here for every test).
 * redirect() and notFound() throw like Next's do: a message the tests match
 * ("NEXT_REDIRECT:/login", "NEXT_NOT_FOUND") and Next's own digest
 * ("NEXT_REDIRECT;replace;/login;307;", "NEXT_HTTP_ERROR_FALLBACK;404"),
 * which tests that read the target from the digest rely on. They are
 * jest.fn so a test can also assert on the call.
 */
function nextError(message: string, digest: string): Error & { digest: string } {
  return Object.assign(new Error(message), { digest });
}

export const redirect = jest.fn((url: string): never => {
  throw nextError(`NEXT_REDIRECT:${url}`, `NEXT_REDIRECT;replace;${url};307;`);
});

export const permanentRedirect = jest.fn((url: string): never => {
  throw nextError(`NEXT_REDIRECT 308 ${url}`, `NEXT_REDIRECT;replace;${url};308;`);
});

export const notFound = jest.fn((): never => {
  throw nextError("NEXT_NOT_FOUND", "NEXT_HTTP_ERROR_FALLBACK;404");
});

let pathname = "/";

/** What usePathname() returns until the next test (the setup file resets it to "/"). */
export function setPathname(next: string): void {
  pathname = next;
}

export const usePathname = (): string => pathname;
export const useSearchParams = (): URLSearchParams => new URLSearchParams();
export const useRouter = () => ({ push: jest.fn(), replace: jest.fn(), refresh: jest.fn(), back: jest.fn(), forward: jest.fn(), prefetch: jest.fn() });
