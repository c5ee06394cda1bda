import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { config } from "@/lib/config";
import { clientIpOf } from "@/lib/request";
import { jwtCallback, sessionCallback, signOutEvent } from "./callbacks";
import { SESSION_MAX_AGE_S, sessionCookie } from "./claims";
import { authSecret } from "./secret";
import { authenticate } from "./sign-in";

/** Thrown from authorize() when the throttle refuses the attempt; `code` reaches the login action. */
export class AccountLockedError extends CredentialsSignin {
  code = "locked";
}

function ipFrom(request: Request | undefined): string {
  return request ? clientIpOf(request.headers) : "unknown";
}

/**
 * Built lazily (on the first request, not at import) so that `next build`
 * neither reads nor creates the secret file.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const cookie = sessionCookie(config().siteUrl);
  return {
    trustHost: true,
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    useSecureCookies: cookie.secure,
    cookies: { sessionToken: { name: cookie.name, options: cookie.options } },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const email = typeof credentials.email === "string" ? credentials.email : "";
          const password = typeof credentials.password === "string" ? credentials.password : "";
          if (!email || !password) return null;
          const result = await authenticate({ email, password, ip: ipFrom(request) });
          if (!result.ok) {
            if (result.reason === "locked") throw new AccountLockedError();
            return null;
          }
          const { id, email: userEmail, name, role, sessionVersion } = result.user;
          return { id: String(id), email: userEmail, name, role, sessionVersion };
        },
      }),
    ],
    callbacks: { jwt: jwtCallback, session: sessionCallback } as NonNullable<NextAuthConfig["callbacks"]>,
    events: { signOut: signOutEvent },
    logger: {
      // A wrong password is not a server error; it is already in the audit log.
      error(error: Error) {
        if (error instanceof CredentialsSignin) return;
        console.error("[auth]", error);
      },
    },
  };
});
