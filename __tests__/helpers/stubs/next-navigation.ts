/**
 * next/navigation under Jest (jest.config.ts maps it here for every test).
 * redirect() and notFound() throw like Next's do, with messages the tests
 * match ("NEXT_REDIRECT:/login", "NEXT_NOT_FOUND"); they are jest.fn so a
 * test can also assert on the call.
 */
export const redirect = jest.fn((url: string): never => {
  throw new Error(`NEXT_REDIRECT:${url}`);
});

export const permanentRedirect = jest.fn((url: string): never => {
  throw new Error(`NEXT_REDIRECT 308 ${url}`);
});

export const notFound = jest.fn((): never => {
  throw new Error("NEXT_NOT_FOUND");
});

let pathname = "/";

/** What usePathname() returns until the next test (the setup file resets it to "/"). */
export function setPathname(next: string): void {
  pathname = next;
}

export const usePathname = (): string => pathname;
export const useSearchParams = (): URLSearchParams => new URLSearchParams();
export const useRouter = () => ({ push: jest.fn(), replace: jest.fn(), refresh: jest.fn(), back: jest.fn(), forward: jest.fn(), prefetch: jest.fn() });
